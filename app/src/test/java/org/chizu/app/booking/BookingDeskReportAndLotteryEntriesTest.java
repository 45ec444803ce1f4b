package org.chizu.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.HeadlessChromium;
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

/**
 * Through the whole application on the sample town: the staff desk's on-screen monthly report shows
 * the money the .xlsx and Shift_JIS CSV carry (使用料, 減免額, 還付額, 利用後追加料金), the same figures
 * cell for cell, at a desktop and on a phone; a resident withdraws a lottery entry while applications
 * are open and is refused with 409 once they close, each withdrawal audited; and on /booking a member
 * of an approved organisation enters a lottery for their group claiming a reduction staff must
 * review, withdraws another entry after confirming in place, and the won group booking's reduction
 * waits in staff's queue. Screenshots go to target/screenshots/booking-desk-report-*.png and
 * booking-lottery-group-*.png.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.sample-town.enabled=true", "chizu.booking.lottery.cron=-"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingDeskReportAndLotteryEntriesTest {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The month the report test's bookings are moved back to, once booked and paid, so that they have ended. */
    static final YearMonth REPORTED = YearMonth.of(2020, 1);

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

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    BookingDeskApi desk;
    String staffPassword;
    TownResidents residents;
    long members;
    String club = "益田グラウンドゴルフ愛好会";

    @BeforeAll
    void peopleOfTheTown() {
        var tanaka = staff.create("tanaka", "田中 一郎", Role.STAFF);
        desk = new BookingDeskApi(port, tanaka.token().token());
        staffPassword = tanaka.password();
        residents = new TownResidents(jdbc, passwords, port);
        residents.addVerifiedInTown("hanako@example.jp", "hanako");
        residents.addVerifiedInTown("taro@example.jp", "taro");
        long jiro = residents.addVerifiedInTown("jiro@example.jp", "jiro");
        // An organisation staff approved, with Jiro as its administrator: he may enter for it.
        members = jdbc.queryForObject("""
                insert into organisation (name, address, representative, contact, status, applied_by, decided_at)
                values (?, '島根県益田市常盤町1-1', '山本 次郎', '0856-00-0000', 'approved', ?, now()) returning id""",
                Long.class, club, jiro);
        jdbc.update("insert into organisation_member (organisation_id, account_id, role) values (?, ?, 'admin')", members, jiro);
    }

    @Test
    void theDesksReportTableShowsTheFeesOfTheFilesAtADesktopAndOnAPhone() throws Exception {
        long hall = jdbc.queryForObject("select id from booking_unit where name_ja = '大会議室'", Long.class);
        LocalDate day = LocalDate.now(JAPAN).plusDays(10);
        while (day.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue() || JapaneseHolidays.official().isHoliday(day)) {
            day = day.plusDays(1);
        }
        // Hanako: 2 hours at ¥600 with the welfare reduction (half), paid at the counter, heating used after all.
        long hanakos = book(residents.signedIn("hanako@example.jp"), hall, day, "09:00", "11:00", "welfare");
        assertThat(desk.send("PUT", "/api/booking/bookings/" + hanakos + "/payment", "").statusCode()).isEqualTo(200);
        // Taro: 2 hours at ¥800, paid at the counter, cancelled 7 or more days ahead: half handed back.
        SignInBrowser taro = residents.signedIn("taro@example.jp");
        long taros = book(taro, hall, day, "13:00", "15:00", null);
        assertThat(desk.send("PUT", "/api/booking/bookings/" + taros + "/payment", "").statusCode()).isEqualTo(200);
        assertThat(taro.sendJson("DELETE", "/api/booking/bookings/" + taros, "").statusCode()).isEqualTo(200);
        jdbc.update("update booking set period = tstzrange(lower(period) - (? - date '2020-01-06') * interval '1 day', "
                + "upper(period) - (? - date '2020-01-06') * interval '1 day') where id in (?, ?)", day, day, hanakos, taros);
        HttpResponse<String> used = desk.send("POST", "/staff/api/booking/bookings/" + hanakos + "/after-use",
                "{\"headcount\": 20, \"extras\": [\"heating\"]}");
        assertThat(used.statusCode()).as(used.body()).isEqualTo(200);

        List<CSVRecord> csv = CSVFormat.EXCEL.builder().setHeader().get().parse(new StringReader(new String(
                http.send(desk.request("/staff/api/booking/reports/" + REPORTED + ".csv").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body(), Charset.forName("windows-31j")))).getRecords();
        CSVRecord total = csv.getLast();
        assertThat(List.of(total.get("使用料 Fees charged (円)"), total.get("減免額 Reductions (円)"), total.get("還付額 Refunds (円)"),
                total.get("利用後追加料金 After-use extras (円)"))).as("the file's total").containsExactly("2200", "600", "800", "600");

        try (HeadlessChromium chromium = new HeadlessChromium(1440, 900)) {
            chromium.signIn(port, "tanaka", staffPassword);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/staff/booking");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-table"), "合計"));
            browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("report-month")), REPORTED.toString());
            browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.cssSelector("#report-table tbody tr:last-child")).getText().contains("¥2,200"));
            assertThat(texts(browser, "#report-table thead th")).contains("使用料 Fees charged", "減免額 Reductions", "還付額 Refunds",
                    "利用後追加料金 After-use extras");
            List<WebElement> rows = browser.findElements(By.cssSelector("#report-table tbody tr"));
            assertThat(rows).hasSize(csv.size());
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord file = csv.get(i);
                List<String> shown = rows.get(i).findElements(By.cssSelector("td.figure")).stream().map(WebElement::getText).toList();
                assertThat(rows.get(i).findElement(By.cssSelector("td, th")).getText()).isEqualTo(file.get("施設 Facility"));
                assertThat(shown.subList(6, 10)).as("row %d shows the file's money", i).containsExactly(
                        yen(file.get("使用料 Fees charged (円)")), yen(file.get("減免額 Reductions (円)")),
                        yen(file.get("還付額 Refunds (円)")), yen(file.get("利用後追加料金 After-use extras (円)")));
            }
            assertThat(rows.getLast().getText()).endsWith("¥2,200 ¥600 ¥800 ¥600");
            browser.executeScript("document.getElementById('report-title').scrollIntoView()");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-desk-report-desktop.png");

            chromium.resize(390, 844);
            WebElement totalCard = browser.findElement(By.cssSelector("#report-table tbody tr:last-child"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", totalCard);
            assertThat(totalCard.getText().replaceAll("\\s+", " ")).as("on a phone each figure has its label")
                    .contains("使用料 Fees charged ¥2,200", "減免額 Reductions ¥600", "還付額 Refunds ¥800", "利用後追加料金 After-use extras ¥600");
            chromium.screenshot("booking-desk-report-phone.png");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    void anEntryIsWithdrawnOverHttpWhileApplicationsAreOpenAndRefusedWithAReasonOnceTheyClose() throws Exception {
        long arena = jdbc.queryForObject("select id from booking_unit where name_ja = 'アリーナ'", Long.class);
        jdbc.update("update booking_unit set by_lottery = true where id = ?", arena);
        YearMonth month = YearMonth.now(JAPAN).plusMonths(1);
        long lottery = desk.openLotteryForAnHour(month).path("id").asLong();
        LocalDate saturday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY));
        String slot = "{\"unit\": %d, \"start\": \"%sT13:00:00+09:00\", \"end\": \"%sT15:00:00+09:00\"}".formatted(arena, saturday, saturday);
        SignInBrowser hanako = residents.signedIn("hanako@example.jp");
        SignInBrowser taro = residents.signedIn("taro@example.jp");
        long first = enter(hanako, lottery, slot);
        String withdrawal = "/api/booking/lotteries/" + lottery + "/entries/" + first + "/withdrawal";

        HttpResponse<String> forged = hanako.send(hanako.request(withdrawal).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(forged.statusCode()).as("without the CSRF token").isEqualTo(403);
        HttpResponse<String> notTheirs = taro.sendJson("POST", withdrawal, "");
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(json.readTree(notTheirs.body()).path("type").asText()).endsWith("unknown-entry");

        assertThat(hanako.sendJson("POST", withdrawal, "").statusCode()).isEqualTo(204);
        assertThat(json.readTree(hanako.get("/api/booking/mine").body()).path("entries")).isEmpty();
        assertThat(hanako.sendJson("POST", withdrawal, "").statusCode()).as("gone").isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'booking.lottery.withdraw' and target = ? "
                + "and actor = 'hanako@example.jp' and details ->> 'lottery' = ?", Integer.class, "lottery entry " + first,
                String.valueOf(lottery))).isEqualTo(1);

        long again = enter(hanako, lottery, slot);
        jdbc.update("update booking_lottery set applications_close = now() - interval '1 minute' where id = ?", lottery);
        HttpResponse<String> late = hanako.sendJson("POST", "/api/booking/lotteries/" + lottery + "/entries/" + again + "/withdrawal", "");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(late.body());
        assertThat(problem.path("type").asText()).endsWith("applications-closed");
        assertThat(problem.path("message").path("ja").asText()).contains(month + " の抽選", "申込を締め切った", "取り下げられません");
        assertThat(problem.path("entry").asLong()).isEqualTo(again);
        assertThat(json.readTree(hanako.get("/api/booking/mine").body()).path("entries")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'booking.lottery.withdraw'", Integer.class))
                .as("a refused withdrawal changes and records nothing").isEqualTo(1);
        jdbc.update("update booking_unit set by_lottery = false where id = ?", arena);
    }

    @Test
    void onTheirPhoneAMemberEntersForTheirGroupWithAReductionStaffReviewAndWithdrawsAnotherEntry() throws Exception {
        jdbc.update("update booking_unit set by_lottery = true where name_ja = '多目的グラウンド 半面A'");
        YearMonth month = YearMonth.now(JAPAN).plusMonths(2);
        long lottery = desk.openLotteryForAnHour(month).path("id").asLong();

        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            chromium.signIn(port, "jiro@example.jp", TownResidents.PASSWORD);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/booking");
            wait.until(d -> d.findElement(By.id("who")).getText().contains("jiro"));
            new Select(browser.findElement(By.id("kind"))).selectByValue("pitch");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            WebElement ground = wait.until(d -> d.findElements(By.cssSelector("#results .result")).stream()
                    .filter(result -> result.getText().contains("半面A")).findFirst().orElse(null));
            ground.findElement(By.cssSelector("button.primary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-section")));
            for (int i = 0; i < 2; i++) {
                String shown = browser.findElement(By.id("month-name")).getText();
                browser.findElement(By.id("next-month")).click();
                wait.until(d -> !d.findElement(By.id("month-name")).getText().equals(shown));
            }
            wait.until(d -> d.findElement(By.cssSelector("#calendar-days button.has-lottery"))).click();
            Select reduction = new Select(wait.until(d -> d.findElement(By.id("entry-reduction"))));
            wait.until(d -> reduction.getOptions().size() > 1);
            assertThat(reduction.getOptions()).as("as himself, no group reduction").noneMatch(o -> o.getText().contains("登録団体"));

            // First an entry as himself, which he then takes back.
            List<WebElement> slots = browser.findElements(By.cssSelector("#day-slots button.slot-lottery"));
            slots.get(0).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "抽選に申し込みました"));
            WebElement own = wait.until(d -> d.findElement(By.cssSelector("#my-entries li[data-entry]")));
            String ownEntry = own.getAttribute("data-entry");

            Select who = new Select(browser.findElement(By.id("entry-for")));
            who.selectByValue(String.valueOf(members));
            wait.until(d -> new Select(d.findElement(By.id("entry-reduction"))).getOptions().stream().anyMatch(o -> o.getText().contains("登録団体")));
            new Select(browser.findElement(By.id("entry-reduction"))).selectByValue("public-interest");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".entry-choice .review-note"), "職員が審査"));
            WebElement choice = browser.findElement(By.cssSelector(".entry-choice"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", choice);
            chromium.screenshot("booking-lottery-group-phone-choice.png");
            browser.findElements(By.cssSelector("#day-slots button.slot-lottery")).get(1).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "団体「" + club + "」として抽選に申し込みました"));
            WebElement forGroup = wait.until(d -> d.findElements(By.cssSelector("#my-entries li[data-entry]")).stream()
                    .filter(e -> e.getText().contains("として申込")).findFirst().orElse(null));
            assertThat(forGroup.getText()).contains("団体「" + club + "」として申込", "Entered for the group", "公益活動", "審査中", "抽選待ち");
            long groupEntry = Long.parseLong(forGroup.getAttribute("data-entry"));

            WebElement withdraw = browser.findElement(By.cssSelector("#my-entries li[data-entry='" + ownEntry + "'] button.withdraw"));
            withdraw.click();
            assertThat(withdraw.getText()).as("asks once more in place").contains("本当に取り下げる", "Really withdraw");
            browser.executeScript("document.getElementById('entries-title').scrollIntoView()");
            chromium.screenshot("booking-lottery-group-phone-withdraw.png");
            assertThat(jdbc.queryForObject("select count(*) from booking_lottery_entry where lottery_id = ?", Integer.class, lottery))
                    .as("nothing withdrawn before the second tap").isEqualTo(2);
            withdraw.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "抽選の申込を取り下げました"));
            wait.until(d -> d.findElements(By.cssSelector("#my-entries li[data-entry='" + ownEntry + "']")).isEmpty());
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-lottery-group-phone-entries.png");

            jdbc.update("update booking_lottery set applications_close = now() - interval '1 minute' where id = ?", lottery);
            browser.navigate().refresh();
            WebElement closed = wait.until(d -> d.findElement(By.cssSelector("#my-entries li[data-entry='" + groupEntry + "']")));
            assertThat(closed.findElements(By.cssSelector("button.withdraw"))).as("no withdrawing once applications close").isEmpty();

            HttpResponse<String> drawn = desk.send("POST", "/api/booking/lotteries/" + lottery + "/draw", "{}");
            assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(200);
            long booking = jdbc.queryForObject("select booking_id from booking_lottery_entry where id = ?", Long.class, groupEntry);
            assertThat(jdbc.queryForObject("select organisation_id from booking where id = ?", Long.class, booking)).isEqualTo(members);
            JsonNode queue = json.readTree(desk.send("GET", "/staff/api/booking/reductions", null).body());
            assertThat(queue.toString()).as("the won entry's reduction waits for staff").contains("\"id\":" + booking, "public-interest");

            chromium.resize(1440, 900);
            browser.navigate().refresh();
            WebElement won = wait.until(d -> d.findElement(By.cssSelector("#my-entries li.entry-won")));
            assertThat(won.getText()).contains("当選", "団体「" + club + "」として申込");
            browser.executeScript("document.getElementById('entries-title').scrollIntoView()");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-lottery-group-desktop-won.png");
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
        jdbc.update("update booking_unit set by_lottery = false where name_ja = '多目的グラウンド 半面A'");
    }

    private long enter(SignInBrowser who, long lottery, String slot) throws Exception {
        HttpResponse<String> entered = who.sendJson("POST", "/api/booking/lotteries/" + lottery + "/entries", slot);
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        return json.readTree(entered.body()).path("id").asLong();
    }

    private long book(SignInBrowser who, long unit, LocalDate on, String from, String to, String reduction) throws Exception {
        HttpResponse<String> held = who.sendJson("POST", "/api/booking/holds", """
                {"unit": %d, "start": "%sT%s:00+09:00", "end": "%sT%s:00+09:00", "reduction": %s}"""
                .formatted(unit, on, from, on, to, reduction == null ? "null" : "\"" + reduction + "\""));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        long id = json.readTree(held.body()).path("id").asLong();
        assertThat(who.sendJson("POST", "/api/booking/bookings/" + id + "/confirm", "").statusCode()).isEqualTo(200);
        return id;
    }

    /** A CSV's whole yen as the page writes them. */
    private static String yen(String figure) {
        return "¥" + String.format("%,d", Long.parseLong(figure));
    }

    private static List<String> texts(ChromeDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static WebDriverWait patient(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class).ignoring(java.util.NoSuchElementException.class);
        return wait;
    }
}
