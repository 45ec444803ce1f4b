package org.chizu.app.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.counters.CounterKpis;
import org.chizu.counters.Crowding;
import org.chizu.counters.CrowdingLevel;
import org.chizu.counters.OfficeCrowding;
import org.chizu.counters.RoadNetwork;
import org.chizu.counters.SampleDay;
import org.chizu.counters.Tickets;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What people do with the counters beyond the desk, in headless Chromium with GSI's tiles unreachable:
 * staff read yesterday's figures on the KPI page; a resident watches an office's colour on the public
 * map turn from 空いています to やや混雑 and 混雑 as tickets are taken, and asks the map for the nearest
 * counter; a resident following a ticket is told when the turn is three away. Two offices open all day
 * every day (so the test may run at any hour) on a short road. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountersPublicBrowserTest {

    static final String MAP = "/#map=14/34.6740/131.8440";
    static final String HONCHO_MARKER = ".counter-marker[data-office='honcho']";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Tickets tickets;
    @Autowired
    Crowding crowding;
    @Autowired
    CounterKpis kpis;
    @Autowired
    SampleDay sampleDay;
    @Autowired
    RoadNetwork network;

    String password;
    LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1);

    @BeforeAll
    void twoOfficesOnARoadWithYesterdayServed() {
        password = accounts.create("shihyo", "指標 太郎", Role.STAFF).password();
        jdbc.update("""
                insert into facilities (kind, name, address, geom) values
                    ('office', '市役所', '島根県益田市常盤町1-1', st_setsrid(st_makepoint(131.842775, 34.674922), 6668)),
                    ('office', '東分室', '島根県益田市東町1', st_setsrid(st_makepoint(131.870, 34.670), 6668))""");
        jdbc.update("""
                insert into roads (road_class, name, geom) values
                    ('municipal', '常盤通り', st_multi(st_geomfromtext('LINESTRING(131.830 34.675, 131.842775 34.674922)', 6668))),
                    ('municipal', '東町線', st_multi(st_geomfromtext('LINESTRING(131.842775 34.674922, 131.870 34.670)', 6668)))""");
        jdbc.update("""
                insert into counter_service (code, prefix, name_ja, name_en, typical_minutes)
                values ('juminhyo', 'A', '住民票の写し', 'Certificate of residence', 5),
                       ('mynumber', 'C', 'マイナンバーカード申請・受取', 'My Number card: apply or collect', 20)""");
        jdbc.update("""
                insert into counter_office (code, facility_id, name_ja, name_en, remote_tickets, closed_on_holidays)
                select case name when '市役所' then 'honcho' else 'higashi' end, id,
                       case name when '市役所' then '益田市役所 本庁' else '東分室' end,
                       case name when '市役所' then 'Masuda City Hall' else 'East annexe' end, true, false
                from facilities""");
        jdbc.update("""
                insert into counter_office_hours (office_id, weekday, opens, closes)
                select o.id, weekday, '00:00', '23:59:59.999' from counter_office o, generate_series(1, 7) weekday""");
        jdbc.update("insert into counter_office_service (office_id, service_id) select o.id, s.id from counter_office o, counter_service s");
        network.rebuild();
        assertThat(sampleDay.fillLastWorkingDay()).isPositive();
    }

    /** Today's tickets go; the sample day stays. */
    @AfterEach
    void closeToday() {
        jdbc.update("delete from counter_ticket where token not like 'sample-%'");
        jdbc.update("delete from counter_ticket_sequence where day > ?", yesterday);
    }

    @Test
    void staffOpenTheFiguresFromTheDeskAndReadYesterdaysMeanWait() throws Exception {
        List<CounterKpis.Day> days = kpis.days(yesterday, yesterday).stream().filter(day -> day.office().equals("honcho")).toList();
        int tickets = days.stream().mapToInt(CounterKpis.Day::tickets).sum();
        double meanWait = Math.round(days.stream().mapToDouble(day -> day.waitMinutes() * day.called()).sum()
                / days.stream().mapToInt(CounterKpis.Day::called).sum() * 10) / 10.0;

        try (HeadlessChromium desktop = new HeadlessChromium(1440, 900)) {
            desktop.blockGsiTiles();
            desktop.signIn(port, "shihyo", password);
            ChromeDriver staff = desktop.driver();
            staff.get(base() + "/staff/counters");
            wait(staff).until(d -> !d.findElements(By.id("kpis-link")).isEmpty());
            staff.findElement(By.id("kpis-link")).click();
            wait(staff).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);

            assertThat(textOf(staff, "kpi-tickets-honcho")).isEqualTo(String.valueOf(tickets));
            assertThat(textOf(staff, "kpi-wait-honcho")).startsWith(number(meanWait) + "分").contains("min");
            assertThat(staff.findElements(By.cssSelector("#chart-hours svg rect.bar"))).hasSizeGreaterThanOrEqualTo(8);
            assertThat(staff.findElements(By.cssSelector("#chart-services svg rect.bar"))).hasSize(4);
            assertThat(staff.findElement(By.cssSelector("#chart-hours svg")).getDomAttribute("aria-label")).contains("時間帯別の発券数", "9時台");
            assertThat(staff.findElements(By.cssSelector("#kpi-rows tr"))).hasSize(4);
            desktop.screenshot("counters-kpis-desktop.png");
            staff.executeScript("document.getElementById('chart-services').scrollIntoView();");
            desktop.screenshot("counters-kpis-charts-desktop.png");

            String hoursCsv = (String) staff.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('csv-hours').href).then((r) => r.text()).then(done);""");
            assertThat(hoursCsv).startsWith("office,hour,tickets").contains("honcho,9,");
            String daysCsv = (String) staff.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('csv-days').href).then((r) => r.text()).then(done);""");
            assertThat(daysCsv).contains("honcho,juminhyo," + yesterday);

            desktop.resize(390, 844);
            new Select(staff.findElement(By.id("kpi-office"))).selectByValue("higashi");
            wait(staff).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded").endsWith("/higashi"));
            assertThat(staff.findElement(By.cssSelector("#chart-hours svg")).getDomAttribute("aria-label")).startsWith("東分室");
            desktop.screenshot("counters-kpis-phone.png");
            staff.executeScript("document.getElementById('chart-hours').scrollIntoView();");
            desktop.screenshot("counters-kpis-chart-phone.png");

            assertThat(desktop.scriptErrors()).isEmpty();
            assertThat(desktop.contentSecurityViolations()).isEmpty();
            assertThat(desktop.seriousAccessibilityViolations()).isEmpty();
        }
    }

    @Test
    void theMapColoursAnOfficeByItsCrowdingAsTicketsAreTakenAndFindsTheNearestCounter() throws Exception {
        try (HeadlessChromium phone = new HeadlessChromium(390, 844)) {
            phone.blockGsiTiles();
            ChromeDriver resident = phone.driver();
            resident.get(base() + MAP);
            wait(resident).until(d -> !d.findElements(By.cssSelector(HONCHO_MARKER)).isEmpty());
            assertThat(level(resident)).isEqualTo("quiet");
            assertThat(resident.findElement(By.cssSelector(HONCHO_MARKER)).getDomAttribute("title"))
                    .startsWith("益田市役所 本庁：空いています");
            resident.executeScript("window.stillTheSamePage = true;");
            phone.screenshot("counters-map-quiet-phone.png");

            takeUntil(CrowdingLevel.BUSY);
            wait(resident).until(d -> "busy".equals(level(d)));
            assertThat(resident.findElement(By.cssSelector(HONCHO_MARKER)).getText()).contains("やや混雑");
            phone.screenshot("counters-map-busy-phone.png");

            takeUntil(CrowdingLevel.CROWDED);
            wait(resident).until(d -> "crowded".equals(level(d)));
            assertThat(resident.findElement(By.cssSelector(HONCHO_MARKER)).getDomAttribute("title")).contains("混雑", "待ち");
            assertThat(resident.executeScript("return window.stillTheSamePage === true;")).as("no reload").isEqualTo(true);

            resident.findElement(By.id("counter-finder-button")).click();
            wait(resident).until(d -> !d.findElements(By.cssSelector("#counter-service option[value=juminhyo]")).isEmpty());
            new Select(resident.findElement(By.id("counter-service"))).selectByValue("juminhyo");
            resident.findElement(By.id("counter-search")).click();
            wait(resident).until(d -> d.findElements(By.cssSelector("#counter-results li button")).size() == 2);
            List<String> answers = resident.findElements(By.cssSelector("#counter-results li")).stream().map(li -> li.getText()).toList();
            assertThat(answers.getFirst()).startsWith("益田市役所 本庁").contains("車で約");
            assertThat(answers.get(1)).startsWith("東分室");
            assertThat(resident.findElement(By.cssSelector(".counter-legend")).getText()).contains("15分未満", "30分未満");
            phone.screenshot("counters-map-nearest-phone.png");

            resident.findElement(By.cssSelector("#counter-results li button[data-office=higashi]")).click();
            wait(resident).until(d -> !d.findElements(By.cssSelector("path.counter-route")).isEmpty());
            assertThat(text(resident, "#counter-results li:nth-child(2) .route")).startsWith("道のり 2.").endsWith("km（地図に表示）");
            phone.screenshot("counters-map-route-phone.png");
            resident.findElement(By.cssSelector("#counter-results li button[data-office=honcho]")).click();
            wait(resident).until(d -> !d.findElements(By.cssSelector(".counter-popup .crowding-name.crowding-crowded")).isEmpty());
            phone.resize(1440, 900);
            phone.screenshot("counters-map-desktop.png");

            resident.get(base() + "/counters");
            wait(resident).until(d -> "crowded".equals(d.findElement(By.cssSelector(".crowding[data-office=honcho]")).getDomAttribute("data-level")));
            assertThat(resident.findElement(By.cssSelector(".crowding[data-office=higashi]")).getDomAttribute("data-level")).isEqualTo("quiet");
            phone.screenshot("counters-public-crowding-desktop.png");

            assertThat(phone.scriptErrors()).isEmpty();
            assertThat(phone.contentSecurityViolations()).isEmpty();
            assertThat(phone.seriousAccessibilityViolations()).isEmpty();
        }
    }

    @Test
    void aResidentFollowingATicketIsToldWhenTheTurnIsThreeAway() throws Exception {
        for (int i = 0; i < 5; i++) {
            tickets.take("honcho", "juminhyo", "kiosk");
        }
        try (HeadlessChromium phone = new HeadlessChromium(390, 844)) {
            ChromeDriver resident = phone.driver();
            resident.get(base() + "/counters");
            wait(resident).until(d -> !d.findElements(By.cssSelector("button.take[data-office=honcho][data-service=juminhyo]")).isEmpty());
            resident.findElement(By.id("ticket-email")).sendKeys("hanako@example.jp");
            resident.findElement(By.cssSelector("button.take[data-office=honcho][data-service=juminhyo]")).click();
            wait(resident).until(d -> "A6".equals(textOf(d, "ticket-number")));
            wait(resident).until(d -> "live".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
            assertThat(textOf(resident, "ticket-ahead")).startsWith("5人");
            assertThat(resident.findElements(By.id("ticket-notice"))).isEmpty();
            assertThat(textOf(resident, "ticket-mail")).contains("順番があと3人になったら、h***@example.jp へメールでお知らせします",
                    "We will e-mail h***@example.jp once, when your turn is 3 away");
            assertThat(resident.getPageSource()).as("the address itself is never shown").doesNotContain("hanako@");
            phone.screenshot("counters-ticket-mail-will-phone.png");
            resident.findElement(By.id("ticket-sound")).click();

            tickets.callNext("honcho", "1", List.of());
            wait(resident).until(d -> textOf(d, "ticket-ahead").startsWith("4人"));
            assertThat(resident.findElements(By.id("ticket-notice"))).isEmpty();
            tickets.callNext("honcho", "1", List.of());

            wait(resident).until(d -> textOf(d, "ticket-notice").contains("あと3人で順番です"));
            assertThat(textOf(resident, "ticket-notice")).contains("Your turn is 3 away");
            assertThat(resident.findElement(By.tagName("body")).getDomAttribute("data-alerted")).isEqualTo("soon");
            assertThat(resident.getTitle()).startsWith("【まもなく順番】");
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = 'hanako@example.jp'", Integer.class))
                    .as("one e-mail waits in the outbox").isOne();
            wait(resident).until(d -> "yes".equals(d.findElement(By.id("ticket-mail")).getDomAttribute("data-sent")));
            assertThat(textOf(resident, "ticket-mail")).contains("h***@example.jp へ「まもなく順番です」のメールを送りました",
                    "We e-mailed h***@example.jp at");
            phone.screenshot("counters-ticket-three-away-phone.png");

            tickets.callNext("honcho", "1", List.of());
            wait(resident).until(d -> textOf(d, "ticket-notice").contains("あと2人"));
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = 'hanako@example.jp'", Integer.class))
                    .as("still one").isOne();
            assertThat(textOf(resident, "ticket-mail")).contains("メールを送りました");
            phone.resize(1440, 900);
            phone.screenshot("counters-ticket-mailed-desktop.png");

            assertThat(phone.scriptErrors()).isEmpty();
            assertThat(phone.contentSecurityViolations()).isEmpty();
            assertThat(phone.seriousAccessibilityViolations()).isEmpty();
        }
    }

    /** Takes My Number tickets (20 minutes each) at the town hall until its crowding reaches the level. */
    private void takeUntil(CrowdingLevel level) {
        for (int i = 0; i < 20 && honcho().level() != level; i++) {
            tickets.take("honcho", "mynumber", "kiosk");
        }
        assertThat(honcho().level()).isEqualTo(level);
    }

    private OfficeCrowding honcho() {
        return crowding.now().stream().filter(office -> office.office().equals("honcho")).findFirst().orElseThrow();
    }

    private static String level(WebDriver driver) {
        try {
            return driver.findElement(By.cssSelector(HONCHO_MARKER)).getDomAttribute("data-level");
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return PageWaits.waitOn(driver);
    }

    private static String text(WebDriver driver, String selector) {
        return PageWaits.text(driver, By.cssSelector(selector));
    }

    private static String textOf(WebDriver driver, String id) {
        return PageWaits.text(driver, By.id(id));
    }
}
