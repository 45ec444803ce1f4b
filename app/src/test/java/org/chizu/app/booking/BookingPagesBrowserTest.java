package org.chizu.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.booking.DoorPins;
import org.chizu.booking.testing.LocalRemoteLock;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.platform.calendar.Holiday;
import org.chizu.platform.calendar.JapaneseHolidays;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.testing.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The booking pages in a real headless Chromium on the sample town, used as people use them: a
 * resident on a phone finds a hall near a place they tap on the map, reads the month with its
 * holiday, holds a slot while a countdown runs, applies, and cancels from "my bookings"; a member
 * of staff at a desktop refuses an application with a reason, confirms an ended booking's headcount
 * and extras used (利用後内容確定), blocks a slot for official use,
 * moves the displaced resident, verifies a group and counts the month; a resident pays for the hall
 * with a smart lock, reads its door PIN on the page and in the e-mail (GreenMail), and after use
 * confirms the headcount and the heating used and pays the extra online. Neither page needs GSI.
 * Screenshots go to target/screenshots/booking-*.png.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingPagesBrowserTest {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    static final LocalPaymentProvider PROVIDER = new LocalPaymentProvider();
    static final LocalRemoteLock LOCK = new LocalRemoteLock();
    @RegisterExtension
    static final TestMailServer MAIL = TestMailServer.started();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.booking.payment.provider-url", () -> PROVIDER.url().toString());
        registry.add("chizu.booking.payment.api-key", () -> LocalPaymentProvider.API_KEY);
        registry.add("chizu.booking.payment.webhook-secret", () -> LocalPaymentProvider.WEBHOOK_SECRET);
        registry.add("chizu.booking.lock.provider-url", () -> LOCK.url().toString());
        registry.add("chizu.booking.lock.api-token", () -> LocalRemoteLock.TOKEN);
        // PINs are issued for bookings a week or more ahead too, so that the test need not book for tomorrow.
        registry.add("chizu.booking.lock.issue-ahead", () -> "P60D");
        MAIL.register(registry);
    }

    /** Each test reads the provider's answers as its own. */
    @AfterEach
    void forgetWhatTheProviderSaw() {
        PROVIDER.webhookAnswers().clear();
    }

    @AfterAll
    void stopTheProviderAndTheLock() {
        PROVIDER.close();
        LOCK.close();
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
    DoorPins pins;

    final ObjectMapper json = new ObjectMapper();
    TownResidents residents;
    String staffPassword;
    /** An open weekday of the 大会議室 a week or more ahead. */
    LocalDate day;
    /** The facilities of the 大会議室 and the ホール as the sample town names them (with the shelter list's notes). */
    String hallFacility;
    String otherHallFacility;

    @BeforeAll
    void peopleOfTheTown() {
        residents = new TownResidents(jdbc, passwords, port);
        residents.add("hanako@example.jp", "はなこ");
        residents.add("taro@example.jp", "たろう");
        residents.add("jiro@example.jp", "じろう");
        residents.add("saburo@example.jp", "さぶろう");
        residents.addGroup("yakyu@example.jp", "山田 一郎", "益田少年野球クラブ");
        staffPassword = staff.create("tanaka", "田中 一郎", Role.STAFF).password();
        hallFacility = facilityOf("大会議室");
        otherHallFacility = facilityOf("ホール");
        day = LocalDate.now(JAPAN).plusDays(7);
        while (day.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue() || JapaneseHolidays.official().isHoliday(day)) {
            day = day.plusDays(1);
        }
    }

    String facilityOf(String unit) {
        return jdbc.queryForObject("select f.name from booking_unit u join facilities f on f.id = u.facility_id where u.name_ja = ?",
                String.class, unit);
    }

    @Test
    void aResidentOnAPhoneFindsAHallNearAPlaceHoldsASlotAppliesAndCancels() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            chromium.signIn(port, "jiro@example.jp", TownResidents.PASSWORD);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/booking");
            wait.until(d -> d.findElement(By.id("who")).getText().contains("じろう"));

            new Select(browser.findElement(By.id("kind"))).selectByValue("hall");
            pick(browser, "date", day.toString());
            browser.findElement(By.id("capacity")).sendKeys("50");
            browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("found-count")).getText().startsWith("2 件"));
            List<String> found = texts(browser, "#results .result strong");
            assertThat(found).containsExactlyInAnyOrder(hallFacility + " 大会議室", otherHallFacility + " ホール");

            browser.findElement(By.id("map")).click();
            wait.until(d -> d.findElement(By.id("found-count")).getText().contains("nearest first"));
            assertThat(browser.findElement(By.id("map")).getText()).contains("ここ Here", "km", hallFacility, otherHallFacility);
            assertThat(browser.findElement(By.cssSelector("#results .result")).getText()).containsPattern("\\d+(\\.\\d)? k?m");
            chromium.screenshot("booking-phone-search.png");

            wait.until(d -> {
                resultFor(browser, hallFacility + " 大会議室").findElement(By.cssSelector("button.primary")).click();
                return true;
            });
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-section")));
            LocalDate tomorrow = LocalDate.now(JAPAN).plusDays(1);
            Holiday holiday = JapaneseHolidays.official().between(tomorrow, tomorrow.plusYears(1)).getFirst();
            long months = ChronoUnit.MONTHS.between(YearMonth.from(day), YearMonth.from(holiday.date()));
            for (long i = 0; i < Math.abs(months); i++) {
                String shown = browser.findElement(By.id("month-name")).getText();
                browser.findElement(By.id(months > 0 ? "next-month" : "previous-month")).click();
                wait.until(d -> !d.findElement(By.id("month-name")).getText().equals(shown));
            }
            wait.until(d -> d.findElement(By.id("calendar-days")).getText().contains(holiday.name().ja()));
            assertThat(browser.findElements(By.cssSelector("#calendar-days td.closed")).stream().map(WebElement::getText))
                    .anySatisfy(text -> assertThat(text).contains(holiday.date().getDayOfMonth() + "", "休", holiday.name().ja()));
            chromium.screenshot("booking-phone-calendar.png");

            browser.findElement(By.id("search-form")).findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("found-count")).getText().startsWith("2 件"));
            wait.until(d -> {
                resultFor(browser, hallFacility + " 大会議室").findElement(By.cssSelector(".quick button.slot")).click();
                return true;
            });
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hold")));
            String first = browser.findElement(By.id("countdown")).getText();
            assertThat(first).matches("(9|10):\\d\\d");
            wait.until(d -> !d.findElement(By.id("countdown")).getText().equals(first));
            assertThat(browser.findElement(By.id("hold-what")).getText()).contains(hallFacility + " 大会議室", "09:00");
            chromium.screenshot("booking-phone-hold.png");

            browser.findElement(By.id("apply")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "予約が確定しました"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-bookings .booking"), "予約済み"));
            WebElement mine = browser.findElement(By.cssSelector("#my-bookings .booking"));
            assertThat(mine.getText()).contains(hallFacility + " 大会議室", "09:00–10:00", "料金 ¥", "未払い");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-phone-booked.png");

            // Paying online: to the provider's page, which tells Chizu over its signed webhook, and back.
            PROVIDER.notify(URI.create("http://localhost:" + port + "/api/booking/payments/webhook"));
            mine.findElement(By.cssSelector("button.pay")).click();
            wait.until(d -> d.getPageSource().contains("お支払いが完了しました"));
            assertThat(PROVIDER.webhookAnswers()).containsExactly(204);
            browser.get("http://localhost:" + port + "/booking");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-bookings .booking"), "支払済み"));
            mine = browser.findElement(By.cssSelector("#my-bookings .booking"));
            assertThat(mine.findElements(By.cssSelector("button.pay"))).as("nothing left to pay").isEmpty();
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", mine);
            chromium.screenshot("booking-phone-paid.png");

            mine.findElement(By.cssSelector("button.cancel")).click();
            wait.until(d -> d.findElement(By.cssSelector("#my-bookings button.cancel")).getText().contains("本当に"));
            browser.findElement(By.cssSelector("#my-bookings button.cancel")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "予約を取り消しました"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-bookings .booking"), "取消 Cancelled"));
            assertThat(browser.findElements(By.cssSelector("#my-bookings button.cancel"))).as("nothing left to cancel").isEmpty();
            assertThat(browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .as("no sideways scrolling").isEqualTo(0L);
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    void staffAtADesktopRefuseConfirmUseBlockForOfficialUseMoveTheDisplacedVerifyAGroupAndCountTheMonth() throws Exception {
        SignInBrowser taro = residents.signedIn("taro@example.jp");
        SignInBrowser hanako = residents.signedIn("hanako@example.jp");
        long arena = jdbc.queryForObject("select id from booking_unit where name_ja = 'アリーナ'", Long.class);
        long hall = jdbc.queryForObject("select id from booking_unit where name_ja = '大会議室'", Long.class);
        LocalDate arenaDay = day.getDayOfWeek() == DayOfWeek.MONDAY ? day.plusDays(1) : day;
        long application = book(taro, arena, arenaDay, "10:00", "12:00");
        long hanakos = book(hanako, hall, day, "14:00", "15:00");
        long tarosEnded = book(taro, hall, day, "10:00", "11:00");
        jdbc.update("update booking set period = tstzrange('2020-01-06T10:00:00+09:00', '2020-01-06T11:00:00+09:00') where id = ?",
                tarosEnded);

        try (HeadlessChromium chromium = new HeadlessChromium(1440, 900)) {
            chromium.signIn(port, "tanaka", staffPassword);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/staff/booking");

            WebElement applied = wait.until(d -> d.findElement(By.cssSelector("#applications tr[data-booking='" + application + "']")));
            assertThat(applied.getText()).contains("アリーナ", "たろう");
            applied.findElement(By.name("reason")).sendKeys("市の大会と重なるため");
            applied.findElement(By.cssSelector("button.danger")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "不承認にしました"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("applications"), "承認待ちはありません"));

            WebElement ended = wait.until(d -> d.findElement(By.cssSelector("#after-use tr[data-booking='" + tarosEnded + "']")));
            assertThat(ended.getText()).contains("大会議室", "たろう");
            ended.findElement(By.name("headcount")).sendKeys("15");
            ended.findElement(By.name("extras")).sendKeys("heating");
            browser.executeScript("document.getElementById('after-use-title').scrollIntoView()");
            chromium.screenshot("booking-staff-desktop-after-use.png");
            ended.findElement(By.cssSelector("button.primary")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "利用内容を確定しました"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("after-use"), "確定待ちの予約はありません"));
            JsonNode used = json.readTree(taro.get("/api/booking/bookings/" + tarosEnded + "/after-use").body());
            assertThat(used.path("headcount").asInt()).isEqualTo(15);
            assertThat(used.path("extraYen").asInt()).as("an hour of heating").isEqualTo(300);

            new Select(browser.findElement(By.id("block-unit"))).selectByVisibleText(hallFacility + " 大会議室 Large meeting hall");
            pick(browser, "block-date", day.toString());
            pick(browser, "block-start", "13:00");
            pick(browser, "block-end", "17:00");
            browser.findElement(By.id("block-purpose")).sendKeys("期日前投票所");
            browser.findElement(By.cssSelector("#block-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "取り消した予約 1 件"));
            WebElement displaced = wait.until(d -> d.findElement(By.cssSelector("#displaced tr[data-booking='" + hanakos + "']")));
            assertThat(displaced.getText()).contains("はなこ", "期日前投票所");

            new Select(browser.findElement(By.id("facility"))).selectByVisibleText(hallFacility);
            pick(browser, "calendar-month", YearMonth.from(day).toString());
            browser.findElement(By.cssSelector("#calendar-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facility-calendar"), "公用 期日前投票所"));
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-staff-desktop.png");

            WebElement move = browser.findElement(By.cssSelector("#displaced tr[data-booking='" + hanakos + "']"));
            pickIn(browser, move.findElement(By.name("start")), "18:00");
            pickIn(browser, move.findElement(By.name("end")), "19:00");
            move.findElement(By.cssSelector("button.primary")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "予約を移動しました"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("displaced"), "移動が必要な予約はありません"));
            JsonNode hanakosNow = json.readTree(hanako.get("/api/booking/mine").body()).path("bookings");
            assertThat(hanakosNow).anySatisfy(b -> {
                assertThat(b.path("state").asText()).isEqualTo("confirmed");
                assertThat(b.path("start").asText()).isEqualTo(day + "T18:00:00+09:00");
            });
            assertThat(json.readTree(hanako.get("/api/booking/notices").body()).path("notices").toString()).contains("公用（期日前投票所）");
            assertThat(json.readTree(taro.get("/api/booking/notices").body()).path("notices").toString()).contains("市の大会と重なるため");

            WebElement group = browser.findElement(By.cssSelector("#groups tr"));
            assertThat(group.getText()).contains("益田少年野球クラブ", "確認待ち");
            group.findElement(By.cssSelector("button.primary")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "確認済み"));

            pick(browser, "report-month", YearMonth.from(day).toString());
            browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-table"), "合計"));
            assertThat(browser.findElement(By.id("report-table")).getText()).doesNotContain("NaN");
            // The money (the last four figures) counts other tests' payments of the month too: BookingDeskReportAndLotteryEntriesTest reads it.
            assertThat(browser.findElement(By.cssSelector("#report-table tbody tr:last-child")).getText())
                    .as("one booking, Hanako's, moved by staff: not an online application").matches(".* 1 1 0\\.0% 0 0( ¥[0-9,]+){4}");
            String workbook = "/staff/api/booking/reports/" + YearMonth.from(day) + ".xlsx";
            wait.until(d -> d.findElement(By.linkText("Excel (.xlsx)")).getAttribute("href").endsWith(workbook));
            wait.until(d -> d.findElement(By.linkText("CSV (Shift_JIS)")).getAttribute("href").endsWith(".csv"));
            browser.executeScript("document.getElementById('report-title').scrollIntoView()");
            chromium.screenshot("booking-staff-desktop-report.png");

            chromium.resize(390, 844);
            browser.navigate().refresh();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "確認済み"));
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-staff-phone.png");
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    void aResidentPaysReadsTheDoorPinOnThePageAndInTheMailAndAfterUseConfirmsTheHeatingAndPaysTheExtraOnline() throws Exception {
        long hall = jdbc.queryForObject("select id from booking_unit where name_ja = 'ホール'", Long.class);
        jdbc.update("update booking_unit set lock_device = 'lock-nakanishi-hall' where id = ?", hall);
        SignInBrowser saburo = residents.signedIn("saburo@example.jp");
        long booking = book(saburo, hall, day, "10:00", "12:00");
        String mine = "#my-bookings .booking[data-booking='" + booking + "']";
        PROVIDER.notify(URI.create("http://localhost:" + port + "/api/booking/payments/webhook"));

        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            chromium.signIn(port, "saburo@example.jp", TownResidents.PASSWORD);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/booking");
            wait.until(d -> d.findElement(By.cssSelector(mine)).getText().contains("未払い"));
            assertThat(browser.findElement(By.cssSelector(mine)).findElements(By.cssSelector(".pin"))).as("no PIN while unpaid").isEmpty();
            browser.findElement(By.cssSelector(mine + " button.pay")).click();
            wait.until(d -> d.getPageSource().contains("お支払いが完了しました"));

            pins.issueDue(); // the lock's round, as every minute
            browser.get("http://localhost:" + port + "/booking");
            String pin = wait.until(d -> d.findElement(By.cssSelector(mine + " .pin-number"))).getText();
            assertThat(pin).matches("\\d{6}");
            WebElement pinLine = browser.findElement(By.cssSelector(mine + " .pin"));
            assertThat(pinLine.getText()).contains("扉の暗証番号", "Door PIN", "使える時間", "09:45", "12:15");
            assertThat(LOCK.calls()).as("the PIN the lock knows").anySatisfy(call ->
                    assertThat(call.body().path("attributes").path("pin").asText()).isEqualTo(pin));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", pinLine);
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-phone-door-pin.png");

            MimeMessage mail = MAIL.awaitFirstTo("saburo@example.jp");
            assertThat(mail.getSubject()).contains("暗証番号", "Door PIN");
            String text = mail.getContent().toString();
            assertThat(text).contains("暗証番号: " + pin, "PIN: " + pin, "09:45 から 12:15 まで（予約時間の前後 15 分）", otherHallFacility + " ホール");
            SignInBrowser taro = residents.signedIn("taro@example.jp");
            assertThat(taro.get("/api/booking/bookings/" + booking + "/door-pin").statusCode()).as("not Taro's").isEqualTo(404);
            assertThat(json.readTree(taro.get("/api/booking/door-pins").body()).path("pins")).isEmpty();

            // The day has come and gone (the application's clock is the real one, so the booking moves into the past).
            LocalDate used = lastOpenWeekdayOfLastMonth();
            jdbc.update("update booking set period = tstzrange(cast(? as timestamptz), cast(? as timestamptz)) where id = ?",
                    used + "T10:00:00+09:00", used + "T12:00:00+09:00", booking);
            chromium.resize(1440, 900);
            browser.get("http://localhost:" + port + "/booking");
            String ended = "#after-use .booking[data-booking='" + booking + "']";
            WebElement form = wait.until(d -> d.findElement(By.cssSelector(ended + " form.after-use")));
            assertThat(browser.findElements(By.cssSelector(mine))).as("no longer among the bookings ahead").isEmpty();
            form.findElement(By.name("headcount")).sendKeys("30");
            wait.until(d -> d.findElement(By.cssSelector(ended + " input[value=heating]"))).click();
            browser.executeScript("document.getElementById('after-use-title').scrollIntoView()");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-desktop-after-use-form.png");
            browser.findElement(By.cssSelector(ended + " form.after-use button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "追加料金 ¥600"));
            WebElement owed = wait.until(d -> d.findElement(By.cssSelector(ended + " .used-summary")));
            assertThat(owed.getText()).contains("利用人数 30 人", "暖房", "追加料金 ¥600", "未払い", "窓口でも支払えます");
            browser.executeScript("document.getElementById('after-use-title').scrollIntoView()");
            chromium.screenshot("booking-desktop-after-use-owed.png");
            assertThat(saburo.sendJson("POST", "/api/booking/bookings/" + booking + "/after-use", "{\"headcount\": 5}").statusCode())
                    .as("once only").isEqualTo(409);

            browser.findElement(By.cssSelector(ended + " button.pay-extra")).click();
            wait.until(d -> d.getPageSource().contains("お支払いが完了しました"));
            assertThat(PROVIDER.checkouts().values()).anySatisfy(checkout -> assertThat(checkout.amount()).as("two hours of heating").isEqualTo(600));
            assertThat(PROVIDER.webhookAnswers()).allMatch(answer -> answer == 204);
            browser.get("http://localhost:" + port + "/booking");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(ended), "支払済み"));
            assertThat(browser.findElements(By.cssSelector(ended + " button.pay-extra"))).as("nothing left to pay").isEmpty();
            assertThat(saburo.sendJson("POST", "/api/booking/bookings/" + booking + "/after-use/checkout", "").statusCode())
                    .as("no second charge").isEqualTo(409);
            browser.executeScript("document.getElementById('after-use-title').scrollIntoView()");
            chromium.screenshot("booking-desktop-after-use-paid.png");
            chromium.resize(390, 844);
            browser.navigate().refresh();
            WebElement paid = wait.until(d -> d.findElement(By.cssSelector(ended + " .used-summary")));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", paid);
            chromium.screenshot("booking-phone-after-use-paid.png");
            assertThat(browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .as("no sideways scrolling").isEqualTo(0L);
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
    }

    /** The last weekday of last month that was no holiday: ended, and not in the month the staff count. */
    private static LocalDate lastOpenWeekdayOfLastMonth() {
        LocalDate date = YearMonth.now(JAPAN).minusMonths(1).atEndOfMonth();
        while (date.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue() || JapaneseHolidays.official().isHoliday(date)) {
            date = date.minusDays(1);
        }
        return date;
    }

    @Test
    void onADesktopTheMapAndTheListSitSideBySideAndAVisitorIsAskedToSignIn() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(1440, 900)) {
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = patient(browser);
            browser.get("http://localhost:" + port + "/booking");
            wait.until(d -> d.findElement(By.id("found-count")).getText().contains("件"));
            WebElement map = browser.findElement(By.id("map"));
            WebElement list = browser.findElement(By.id("results"));
            assertThat(list.getLocation().getX()).as("the list beside the map").isGreaterThan(map.getLocation().getX() + map.getSize().getWidth() - 5);
            assertThat(browser.findElement(By.id("my-bookings")).getText()).contains("ログインしてください");
            wait.until(d -> {
                resultFor(browser, hallFacility + " 大会議室").findElement(By.cssSelector("button.primary")).click();
                return true;
            });
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-section")));
            browser.findElement(By.cssSelector("#calendar-days button.day.has-free")).click();
            wait.until(d -> d.findElement(By.cssSelector("#day-slots button.slot:not([disabled])"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "ログインしてください"));
            assertThat(browser.findElement(By.cssSelector("#status a")).getAttribute("href")).endsWith("/login");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            chromium.screenshot("booking-desktop-visitor.png");
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
    }

    private long book(SignInBrowser who, long unit, LocalDate on, String from, String to) throws Exception {
        JsonNode held = json.readTree(who.sendJson("POST", "/api/booking/holds",
                "{\"unit\": %d, \"start\": \"%sT%s:00+09:00\", \"end\": \"%sT%s:00+09:00\"}".formatted(unit, on, from, on, to)).body());
        long id = held.path("id").asLong();
        who.sendJson("POST", "/api/booking/bookings/" + id + "/confirm", "");
        return id;
    }

    /** Sets a date, time or month field as its picker would (typing into them depends on the browser's locale). */
    private static void pick(ChromeDriver browser, String id, String value) {
        pickIn(browser, browser.findElement(By.id(id)), value);
    }

    private static void pickIn(ChromeDriver browser, WebElement field, String value) {
        browser.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field, value);
    }

    /** Waits for what a person waits for; the page redraws its lists, so an element found may be replaced before it is read. */
    private static WebDriverWait patient(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class).ignoring(java.util.NoSuchElementException.class);
        return wait;
    }

    private static List<String> texts(ChromeDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static WebElement resultFor(ChromeDriver browser, String name) {
        return browser.findElements(By.cssSelector("#results .result")).stream()
                .filter(result -> result.findElement(By.tagName("strong")).getText().equals(name)).findFirst().orElseThrow();
    }
}
