package org.chizu.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The lottery on the residents' page, in a real headless Chromium on the sample town: next month's
 * slots of a ground that goes by lottery show as 抽選 with the application period; a resident on a
 * phone enters one (and is refused a second entry for it with the problem's message), staff draw
 * over the API, and the resident sees they won with the commitment, the seed it revealed and the
 * published draw, and confirms the won slot, which then waits for payment. A unit for groups only
 * is marked so in the results. The schedule is off (cron "-"). Screenshots go to
 * target/screenshots/booking-lottery-*.png.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.sample-town.enabled=true", "chizu.booking.lottery.cron=-", "chizu.mail.poll-interval=200ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingLotteryPageBrowserTest {

    static final String PASSWORD = "kaki-no-ki-2026";
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @AfterAll
    static void stopTheMailServer() {
        MAIL.stop();
    }

    @DynamicPropertySource
    static void databaseAndMail(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    StaffAccounts staff;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    String staffToken;

    @BeforeAll
    void theTownWithALotteryGround() {
        staffToken = staff.create("tanaka", "田中 一郎", Role.STAFF).token().token();
        long hanako = jdbc.queryForObject("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', 'はなこ', ?, 'hanako@example.jp', now()) returning id""", Long.class, passwords.encode(PASSWORD));
        jdbc.update("insert into booking_user (account_id, residency, verified_at) values (?, 'resident', now())", hanako);
        jdbc.update("update booking_unit set by_lottery = true where name_ja = '多目的グラウンド 半面A'");
        jdbc.update("update booking_unit set groups_only = true where name_ja = '多目的グラウンド 半面B'");
    }

    @Test
    void aResidentEntersALotterySlotOnAPhoneWinsAndConfirmsSeeingTheCommitmentAndTheSeed() throws Exception {
        YearMonth month = YearMonth.now(JAPAN).plusMonths(1);
        OffsetDateTime now = OffsetDateTime.now(JAPAN);
        HttpResponse<String> opened = asStaff("/api/booking/lotteries", """
                {"month": "%s", "applicationsOpen": "%s", "applicationsClose": "%s", "confirmBy": "%s"}"""
                .formatted(month, now.minusHours(1), now.plusHours(1), now.plusDays(3)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode lottery = json.readTree(opened.body());
        long lotteryId = lottery.path("id").asLong();
        String commitment = lottery.path("commitment").asText();

        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            chromium.signIn(port, "hanako@example.jp", PASSWORD);
            ChromeDriver browser = chromium.driver();
            browser.manage().window().setSize(new Dimension(390, 844));
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/booking");
            wait.until(d -> d.findElement(By.id("who")).getText().contains("はなこ"));
            new Select(browser.findElement(By.id("kind"))).selectByValue("pitch");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("found-count")).getText().startsWith("3 件"));
            assertThat(resultFor(browser, "半面B").getText()).contains("団体のみ", "Groups only");
            assertThat(resultFor(browser, "半面A").getText()).contains("抽選あり").doesNotContain("団体のみ");

            resultFor(browser, "半面A").findElement(By.cssSelector("button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-section")));
            String shown = browser.findElement(By.id("month-name")).getText();
            browser.findElement(By.id("next-month")).click();
            wait.until(d -> !d.findElement(By.id("month-name")).getText().equals(shown));
            WebElement lotteryDay = wait.until(d -> d.findElement(By.cssSelector("#calendar-days button.has-lottery")));
            assertThat(lotteryDay.getText()).contains("抽", "抽選");
            lotteryDay.click();
            WebElement note = wait.until(d -> d.findElement(By.cssSelector("#day-slots .lottery-note")));
            assertThat(note.getText()).contains("申込期間", "1人 4 件まで", "entries");
            WebElement slot = browser.findElement(By.cssSelector("#day-slots button.slot-lottery"));
            assertThat(slot.getText()).contains("抽選", "Lottery");
            browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", note);
            chromium.screenshot("booking-lottery-phone-day.png");
            slot.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "抽選に申し込みました"));
            WebElement entry = wait.until(d -> d.findElement(By.cssSelector("#my-entries li[data-entry]")));
            assertThat(entry.getText()).contains("半面A", "抽選待ち", commitment, "抽選まで非公開");

            browser.findElement(By.cssSelector("#day-slots button.slot-lottery")).click();
            wait.until(d -> d.findElement(By.id("status")).getAttribute("class").contains("bad"));
            assertThat(browser.findElement(By.id("status")).getText()).as("one entry per slot").contains("すでに申し込んでいます");
            browser.executeScript("document.getElementById('entries-title').scrollIntoView()");
            chromium.screenshot("booking-lottery-phone-entered.png");

            // Applications close (moved to the past, as the application's clock is the real one); staff draw.
            jdbc.update("update booking_lottery set applications_close = now() - interval '1 minute' where id = ?", lotteryId);
            HttpResponse<String> drawn = asStaff("/api/booking/lotteries/" + lotteryId + "/draw", "{}");
            assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(200);
            String seed = json.readTree(drawn.body()).path("lottery").path("seed").asText();

            browser.navigate().refresh();
            WebElement won = wait.until(d -> d.findElement(By.cssSelector("#my-entries li.entry-won")));
            assertThat(won.getText()).contains("当選", "までに確定", "¥", commitment, seed);
            assertThat(won.findElement(By.cssSelector("a.draw-json")).getAttribute("href"))
                    .endsWith("/api/booking/lotteries/" + lotteryId);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", won);
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-lottery-phone-won.png");

            won.findElement(By.cssSelector("button.confirm-won")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "当選した予約を確定しました"));
            WebElement confirmed = wait.until(d -> d.findElement(By.cssSelector("#my-entries li.entry-won")));
            wait.until(d -> confirmed.getText().contains("予約済み"));
            assertThat(confirmed.findElements(By.cssSelector("button.pay"))).as("the won slot is paid as any booking").hasSize(1);

            browser.manage().window().setSize(new Dimension(1440, 900));
            browser.executeScript("document.getElementById('entries-title').scrollIntoView()");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-lottery-desktop-confirmed.png");
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
    }

    private HttpResponse<String> asStaff(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + staffToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static WebElement resultFor(ChromeDriver browser, String unit) {
        return browser.findElements(By.cssSelector("#results .result")).stream().filter(result -> result.getText().contains(unit))
                .findFirst().orElseThrow();
    }

    private static WebDriverWait patient(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class).ignoring(java.util.NoSuchElementException.class);
        return wait;
    }
}
