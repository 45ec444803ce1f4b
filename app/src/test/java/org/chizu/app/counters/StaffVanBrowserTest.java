package org.chizu.app.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.app.counters.PageWaits.text;
import static org.chizu.app.counters.PageWaits.waitOn;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.counters.CountersProperties;
import org.chizu.counters.VanPositions;
import org.chizu.counters.VanRoute;
import org.chizu.counters.VanRouteEdits;
import org.chizu.counters.VanRoutes;
import org.chizu.counters.VanStop;
import org.chizu.counters.VanTrack;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff look after the sample town's 匹見 round on the van page: from the desk page to the van's, they
 * move the first stop's arrival, are refused a window that is not whole slots (beside the departure
 * field), add a stop and remove it, press "arrived here" at the stop for a tablet that is off, record the people served there
 * today, and find them in the KPI figures. The round first runs every day, so that the test runs on
 * any day. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffVanBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    VanRoutes routes;
    @Autowired
    VanRouteEdits edits;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CountersProperties properties;
    @Autowired
    VanPositions positions;
    @Autowired
    VanTrack track;

    @Autowired
    JdbcTemplate jdbc;

    String password;
    VanStop firstStop;
    /** 匹見タウンホール, where the round does not stop. */
    long townHall;

    @BeforeAll
    void theHikimiRoundRunsEveryDay() {
        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> routes.all().stream().anyMatch(route -> route.code().equals("hikimi")));
        VanRoute hikimi = routes.find("hikimi");
        edits.save("hikimi", new VanRouteEdits.RouteEdit(hikimi.name(), List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), false));
        firstStop = routes.find("hikimi").stops().getFirst();
        password = accounts.create("junkai", "巡回 太郎", Role.STAFF).password();
        townHall = jdbc.queryForObject("select id from facilities where source_id = 'E3220400059111'", Long.class);
    }

    @Test
    void staffMoveAStopsWindowAreRefusedABadOneAndRecordThePeopleServedThere() throws Exception {
        String stop = "form.stop-form[data-stop='" + firstStop.id() + "']";
        String status = "stop-" + firstStop.id() + "-status";
        try (HeadlessChromium desktop = new HeadlessChromium(1440, 900);
             HeadlessChromium phone = new HeadlessChromium(390, 844)) {
            desktop.signIn(port, "junkai", password);
            ChromeDriver office = desktop.driver();
            office.get(base() + "/staff/counters");
            office.findElement(By.id("van-link")).click();
            waitOn(office).until(d -> "hikimi".equals(d.findElement(By.tagName("body")).getDomAttribute("data-route")));
            assertThat(text(office, By.id("route-today"))).contains("運行日：月・火・水・木・金・土・日", "Runs: Mon, Tue");

            type(office.findElement(By.cssSelector(stop + " input[name=arrives]")), "09:45");
            office.findElement(By.cssSelector(stop + " button.save")).click();
            waitOn(office).until(d -> text(d, By.id("van-status")).contains("保存しました"));
            assertThat(routes.stop(firstStop.id()).arrives()).isEqualTo(LocalTime.of(9, 45));
            assertThat(office.findElement(By.cssSelector(stop + " input[name=arrives]")).getDomProperty("value")).isEqualTo("09:45");

            type(office.findElement(By.cssSelector(stop + " input[name=departs]")), "10:40");
            office.findElement(By.cssSelector(stop + " button.save")).click();
            By departsError = By.id("stop-" + firstStop.id() + "-departs-error");
            waitOn(office).until(d -> text(d, departsError).contains("15 分の整数倍"));
            assertThat(text(office, departsError)).contains("whole number of 15-minute slots");
            assertThat(office.findElement(By.cssSelector(stop + " input[name=departs]")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(text(office, By.id(status))).contains("保存できませんでした");
            assertThat(routes.stop(firstStop.id()).departs()).as("nothing written").isEqualTo(LocalTime.of(10, 30));
            desktop.screenshot("counters-staff-van-desktop.png");

            // A fourth stop at the town hall after the last, then taken off again with a second press.
            new Select(office.findElement(By.id("add-facility"))).selectByValue(Long.toString(townHall));
            type(office.findElement(By.id("add-arrives")), "15:30");
            type(office.findElement(By.id("add-departs")), "16:00");
            office.findElement(By.cssSelector("#add-form input[value=juminhyo]")).click();
            office.findElement(By.cssSelector("#add-form button[type=submit]")).click();
            waitOn(office).until(d -> d.findElements(By.cssSelector("li.staff-stop")).size() == 4);
            VanStop added = routes.find("hikimi").stops().getLast();
            assertThat(added.place().facilityId()).isEqualTo(townHall);
            assertThat(added.arrives()).isEqualTo(LocalTime.of(15, 30));
            WebElement remove = office.findElement(By.cssSelector("li.staff-stop[data-stop='" + added.id() + "'] button.remove"));
            remove.click();
            assertThat(remove.getText()).contains("もう一度押すと削除");
            remove.click();
            waitOn(office).until(d -> d.findElements(By.cssSelector("li.staff-stop")).size() == 3);
            assertThat(routes.find("hikimi").stops()).hasSize(3);

            phone.signIn(port, "junkai", password);
            ChromeDriver tablet = phone.driver();
            tablet.get(base() + "/staff/counters/van");
            waitOn(tablet).until(d -> "yes".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            WebElement card = tablet.findElement(By.cssSelector("li.staff-stop[data-stop='" + firstStop.id() + "']"));
            card.findElement(By.cssSelector("button.arrived")).click();
            waitOn(tablet).until(d -> text(d, By.id(status)).contains("到着を記録しました"));
            type(card.findElement(By.cssSelector("input[name=served]")), "7");
            card.findElement(By.cssSelector("form.served-form button[type=submit]")).click();
            waitOn(tablet).until(d -> text(d, By.id(status)).contains("7人を記録しました"));
            tablet.executeScript("arguments[0].scrollIntoView({block: 'end'})", tablet.findElement(By.id(status)));
            phone.screenshot("counters-staff-van-phone.png");
            tablet.executeScript("window.scrollTo(0, 0)");
            phone.screenshot("counters-staff-van-phone-top.png");

            for (HeadlessChromium browser : new HeadlessChromium[] {desktop, phone}) {
                assertThat(browser.scriptErrors()).isEmpty();
                assertThat(browser.contentSecurityViolations()).isEmpty();
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            }

            String today = LocalDate.now(properties.zone()).toString();
            tablet.get(base() + "/staff/api/counters/kpis?from=" + today + "&to=" + today);
            JsonNode visits = new ObjectMapper().readTree(tablet.findElement(By.tagName("body")).getText()).path("vanVisits");
            assertThat(visits).anySatisfy(visit -> {
                assertThat(visit.path("stop").asLong()).isEqualTo(firstStop.id());
                assertThat(visit.path("day").asText()).isEqualTo(today);
                assertThat(visit.path("served").asInt()).isEqualTo(7);
            });
        }
    }

    @Test
    void staffRenameTheRouteChangeItsWeekdaysAndReadTheVansTrackOfTheDay() throws Exception {
        double[][] way = {{131.88, 34.50}, {131.89, 34.51}, {firstStop.place().lon(), firstStop.place().lat()}};
        for (double[] where : way) {
            positions.post("hikimi", where[0], where[1], "hikimi-van");
        }
        String today = LocalDate.now(properties.zone()).toString();
        try (HeadlessChromium desktop = new HeadlessChromium(1440, 900);
             HeadlessChromium phone = new HeadlessChromium(390, 844)) {
            desktop.signIn(port, "junkai", password);
            ChromeDriver office = desktop.driver();
            office.get(base() + "/staff/counters/van?route=hikimi");
            waitOn(office).until(d -> "yes".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            office.findElement(By.cssSelector(".route-edit-box summary")).click();

            // No weekday at all: refused beside the weekdays, nothing written.
            office.findElements(By.cssSelector("#route-edit .weekdays input:checked")).forEach(WebElement::click);
            office.findElement(By.cssSelector("#route-edit button[type=submit]")).click();
            waitOn(office).until(d -> text(d, By.id("route-weekdays-error")).contains("weekdays"));
            assertThat(text(office, By.id("route-status"))).contains("保存できませんでした");
            assertThat(routes.find("hikimi").weekdays()).hasSize(7);
            desktop.screenshot("counters-staff-van-route-refused-desktop.png");

            // Renamed, and running on weekdays only.
            type(office.findElement(By.id("route-name.ja")), "匹見ルート（平日）");
            type(office.findElement(By.id("route-name.en")), "Hikimi round (weekdays)");
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
                office.findElement(By.cssSelector("#route-edit .weekdays input[value=" + day + "]")).click();
            }
            office.findElement(By.cssSelector("#route-edit button[type=submit]")).click();
            waitOn(office).until(d -> text(d, By.id("van-status")).contains("匹見ルート（平日）を保存しました"));
            VanRoute saved = routes.find("hikimi");
            assertThat(saved.name().en()).isEqualTo("Hikimi round (weekdays)");
            assertThat(saved.weekdays()).hasSize(5);
            assertThat(text(office, By.id("route-today"))).contains("運行日：月・火・水・木・金", "Runs: Mon, Tue, Wed, Thu, Fri");
            assertThat(new Select(office.findElement(By.id("route"))).getFirstSelectedOption().getText()).startsWith("匹見ルート（平日）");
            assertThat(jdbc.queryForObject("""
                    select count(*) from audit_log
                    where action = 'counters.van-route.save' and actor = 'junkai' and details ->> 'name' = '匹見ルート（平日）'""",
                    Integer.class)).as("audited").isOne();

            // The day's track: every position in time order, drawn and listed, and the same as CSV.
            int posted = track.day("hikimi", LocalDate.parse(today)).size();
            waitOn(office).until(d -> String.valueOf(posted).equals(d.findElement(By.id("track")).getDomAttribute("data-points")));
            assertThat(office.findElements(By.cssSelector(".track-table tbody tr"))).hasSize(posted);
            assertThat(office.findElements(By.cssSelector(".track-sketch circle.track-point"))).hasSize(posted);
            assertThat(text(office, By.cssSelector(".track-summary"))).contains(today, posted + "地点", posted + " positions");
            assertThat(text(office, By.cssSelector(".track-table tbody"))).contains("hikimi-van", "131.88000, 34.50000");
            office.executeScript("document.querySelector('.van-track').scrollIntoView()");
            desktop.screenshot("counters-staff-van-track-desktop.png");
            String csv = (String) office.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.querySelector('.track-head a.csv').href).then((r) => r.text()).then(done);""");
            assertThat(csv.lines().toList()).hasSize(posted + 1).anySatisfy(line -> assertThat(line).contains("131.880000,34.500000"));

            phone.signIn(port, "junkai", password);
            ChromeDriver tablet = phone.driver();
            tablet.get(base() + "/staff/counters/van?route=hikimi");
            waitOn(tablet).until(d -> String.valueOf(posted).equals(d.findElement(By.id("track")).getDomAttribute("data-points")));
            tablet.findElement(By.cssSelector(".route-edit-box summary")).click();
            phone.screenshot("counters-staff-van-route-phone.png");
            tablet.executeScript("document.querySelector('.van-track').scrollIntoView()");
            phone.screenshot("counters-staff-van-track-phone.png");

            for (HeadlessChromium browser : new HeadlessChromium[] {desktop, phone}) {
                assertThat(browser.scriptErrors()).isEmpty();
                assertThat(browser.contentSecurityViolations()).isEmpty();
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            }
        } finally {
            edits.save("hikimi", new VanRouteEdits.RouteEdit(routes.find("hikimi").name(),
                    List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), false));
        }
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
