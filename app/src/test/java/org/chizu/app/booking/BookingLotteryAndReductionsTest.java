package org.chizu.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.booking.LotteryCycle;
import org.chizu.platform.calendar.JapaneseHolidays;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.testing.TestMailServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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

import jakarta.mail.internet.MimeMessage;

/**
 * Through the whole application on the sample town: a month's lottery that committed to its seed
 * is entered over HTTP, drawn by the lottery's cycle once applications close, its seed checked
 * against the commitment, and the applicant's results arrive by e-mail (GreenMail); and a 減免 that
 * needs approval shows as pending on the resident's phone until staff, at a desktop in Chromium,
 * refuse one without a reason (told to give one) and approve another; and on /booking in Chromium a
 * resident sees a ground's slots as 抽選 with the application period, enters one (a second entry for
 * it refused with the problem's message), and once staff draw over the API sees they won with the
 * commitment, the seed and the published draw, and confirms; a unit for groups only is marked so.
 * The schedule itself is off (cron "-"): the test turns the cycle. Screenshots go to
 * target/screenshots/booking-reductions-*.png and booking-lottery-*.png.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.sample-town.enabled=true", "chizu.booking.lottery.cron=-"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingLotteryAndReductionsTest {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @RegisterExtension
    static final TestMailServer MAIL = TestMailServer.started();

    @DynamicPropertySource
    static void databaseAndMail(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        MAIL.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    StaffAccounts staff;
    @Autowired
    LotteryCycle cycle;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    BookingDeskApi desk;
    String staffPassword;
    TownResidents residents;

    @BeforeAll
    void peopleOfTheTown() {
        var tanaka = staff.create("tanaka", "田中 一郎", Role.STAFF);
        desk = new BookingDeskApi(port, tanaka.token().token());
        staffPassword = tanaka.password();
        residents = new TownResidents(jdbc, passwords, port);
        residents.addVerifiedInTown("hanako@example.jp", "hanako");
        residents.addVerifiedInTown("taro@example.jp", "taro");
    }

    @Test
    void aLotteryCommitsToItsSeedIsDrawnByItsCycleAndMailsTheApplicant() throws Exception {
        long arena = jdbc.queryForObject("select id from booking_unit where name_ja = 'アリーナ'", Long.class);
        jdbc.update("update booking_unit set by_lottery = true where id = ?", arena);
        YearMonth month = YearMonth.now(JAPAN).plusMonths(1);
        long lottery = desk.openLotteryForAnHour(month).path("id").asLong();
        JsonNode before = json.readTree(http.send(HttpRequest.newBuilder(url("/api/booking/lotteries/" + lottery)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String commitment = before.path("lottery").path("commitment").asText();
        assertThat(commitment).matches("[0-9a-f]{64}");
        assertThat(before.path("lottery").hasNonNull("seed")).as("the seed is sealed").isFalse();

        LocalDate saturday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY));
        SignInBrowser hanako = residents.signedIn("hanako@example.jp");
        HttpResponse<String> entered = hanako.sendJson("POST", "/api/booking/lotteries/" + lottery + "/entries",
                "{\"unit\": %d, \"start\": \"%sT13:00:00+09:00\", \"end\": \"%sT15:00:00+09:00\"}".formatted(arena, saturday, saturday));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);

        // Applications close (moved to the past, as the application's clock is the real one); the cycle draws.
        jdbc.update("update booking_lottery set applications_close = now() - interval '1 minute' where id = ?", lottery);
        assertThat(cycle.advance().drawn()).hasSize(1);
        assertThat(cycle.advance().drawn()).as("drawn once").isEmpty();

        JsonNode after = json.readTree(http.send(HttpRequest.newBuilder(url("/api/booking/lotteries/" + lottery)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String seed = after.path("lottery").path("seed").asText();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(commitment);
        assertThat(after.path("entries").get(0).path("won").asBoolean()).isTrue();

        MimeMessage results = MAIL.awaitFirstTo("hanako@example.jp");
        assertThat(results.getSubject()).contains("抽選結果", month.toString());
        assertThat(results.getContent().toString()).contains("当選　アリーナ　" + saturday + " 13:00–15:00", "Won   Arena");
        jdbc.update("update booking_unit set by_lottery = false where id = ?", arena);
    }

    @Test
    void aReductionThatNeedsApprovalIsPendingForTheResidentUntilStaffDecideAtTheirDesk() throws Exception {
        long hall = jdbc.queryForObject("select id from booking_unit where name_ja = '大会議室'", Long.class);
        LocalDate day = LocalDate.now(JAPAN).plusDays(14);
        while (day.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue() || JapaneseHolidays.official().isHoliday(day)) {
            day = day.plusDays(1);
        }
        SignInBrowser taro = residents.signedIn("taro@example.jp");
        long refusedLater = book(taro, hall, day, "18:00", "20:00");
        long approvedLater = book(taro, hall, day, "09:00", "11:00");

        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            chromium.signIn(port, "taro@example.jp", TownResidents.PASSWORD);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/booking");
            WebElement mine = wait.until(d -> d.findElement(By.cssSelector("#my-bookings .booking[data-booking='" + refusedLater + "']")));
            assertThat(mine.getText()).contains("料金 ¥2,000", "審査中", "¥1,000");
            assertThat(mine.findElements(By.cssSelector("button.pay"))).as("nothing to pay yet").isEmpty();
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", mine);
            chromium.screenshot("booking-reductions-phone-pending.png");
            assertThat(chromium.scriptErrors()).isEmpty();
        }

        try (HeadlessChromium chromium = new HeadlessChromium(1440, 900)) {
            chromium.signIn(port, "tanaka", staffPassword);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/staff/booking");
            WebElement refusing = wait.until(d -> d.findElement(By.cssSelector("#reductions tr[data-booking='" + refusedLater + "']")));
            assertThat(refusing.getText()).contains("大会議室", "taro", "公益活動", "50%", "¥2,000 → ¥1,000");
            refusing.findElement(By.cssSelector("button.danger")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "reason"));
            refusing.findElement(By.name("reason")).sendKeys("営利目的の催しのため");
            browser.executeScript("document.getElementById('reductions-title').scrollIntoView()");
            chromium.screenshot("booking-reductions-desktop-queue.png");
            refusing.findElement(By.cssSelector("button.danger")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "減免を認めませんでした"));
            wait.until(d -> d.findElements(By.cssSelector("#reductions tr[data-booking='" + refusedLater + "']")).isEmpty());
            wait.until(d -> d.findElement(By.cssSelector("#reductions tr[data-booking='" + approvedLater + "'] button.primary"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reductions"), "審査待ちの減免はありません"));
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-reductions-desktop-decided.png");
            chromium.resize(390, 844);
            browser.executeScript("document.getElementById('reductions-title').scrollIntoView()");
            chromium.screenshot("booking-reductions-staff-phone.png");
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }

        JsonNode refused = json.readTree(taro.get("/api/booking/bookings/" + refusedLater).body());
        JsonNode approved = json.readTree(taro.get("/api/booking/bookings/" + approvedLater).body());
        assertThat(refused.path("feeYen").asInt()).isEqualTo(2000);
        assertThat(refused.path("payment").path("amountYen").asInt()).isEqualTo(2000);
        assertThat(approved.path("quote").path("reduction").path("decision").asText()).isEqualTo("approved");
        assertThat(approved.path("payment").path("amountYen").asInt()).as("600 yen an hour, half off").isEqualTo(600);
        assertThat(jdbc.queryForObject("select actor from audit_log where action = 'booking.reduction.refuse' and target = ?",
                String.class, "booking " + refusedLater)).isEqualTo("tanaka");
    }

    @Test
    void onTheirPhoneAResidentEntersALotterySlotWinsAndConfirmsSeeingTheCommitmentAndTheSeed() throws Exception {
        jdbc.update("update booking_unit set by_lottery = true where name_ja = '多目的グラウンド 半面A'");
        jdbc.update("update booking_unit set groups_only = true where name_ja = '多目的グラウンド 半面B'");
        // The month after next: next month's lottery is the other test's.
        YearMonth month = YearMonth.now(JAPAN).plusMonths(2);
        JsonNode lottery = desk.openLotteryForAnHour(month);
        long lotteryId = lottery.path("id").asLong();
        String commitment = lottery.path("commitment").asText();

        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            chromium.signIn(port, "taro@example.jp", TownResidents.PASSWORD);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/booking");
            wait.until(d -> d.findElement(By.id("who")).getText().contains("taro"));
            new Select(browser.findElement(By.id("kind"))).selectByValue("pitch");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("found-count")).getText().startsWith("3 件"));
            assertThat(resultFor(browser, "半面B").getText()).contains("団体のみ", "Groups only");
            assertThat(resultFor(browser, "半面A").getText()).contains("抽選あり").doesNotContain("団体のみ");

            resultFor(browser, "半面A").findElement(By.cssSelector("button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-section")));
            for (int i = 0; i < 2; i++) {
                String shown = browser.findElement(By.id("month-name")).getText();
                browser.findElement(By.id("next-month")).click();
                wait.until(d -> !d.findElement(By.id("month-name")).getText().equals(shown));
            }
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
            HttpResponse<String> drawn = desk.send("POST", "/api/booking/lotteries/" + lotteryId + "/draw", "{}");
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
            // The list is drawn again after the confirmation: the entry is found anew until it says so.
            WebElement confirmed = wait.until(d -> {
                WebElement wonEntry = d.findElement(By.cssSelector("#my-entries li.entry-won"));
                return wonEntry.getText().contains("予約済み") ? wonEntry : null;
            });
            assertThat(confirmed.findElements(By.cssSelector("button.pay"))).as("the won slot is paid as any booking").hasSize(1);

            chromium.resize(1440, 900);
            browser.executeScript("document.getElementById('entries-title').scrollIntoView()");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-lottery-desktop-confirmed.png");
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
        jdbc.update("update booking_unit set by_lottery = false, groups_only = false where name_ja like '多目的グラウンド%'");
    }

    /** Holds and confirms the hall claiming the 公益活動 reduction, which staff must approve. */
    private long book(SignInBrowser who, long unit, LocalDate on, String from, String to) throws Exception {
        HttpResponse<String> held = who.sendJson("POST", "/api/booking/holds", """
                {"unit": %d, "start": "%sT%s:00+09:00", "end": "%sT%s:00+09:00", "reduction": "public-interest"}"""
                .formatted(unit, on, from, on, to));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        long id = json.readTree(held.body()).path("id").asLong();
        who.sendJson("POST", "/api/booking/bookings/" + id + "/confirm", "");
        return id;
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
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
