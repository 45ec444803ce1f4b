package org.chizu.app.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.app.counters.PageWaits.text;
import static org.chizu.app.counters.PageWaits.waitOn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.chizu.accounts.ApiClients;
import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.counters.RoadNetwork;
import org.chizu.counters.VanRoute;
import org.chizu.counters.VanRouteEdits;
import org.chizu.counters.VanRoutes;
import org.chizu.counters.VanStop;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample town's 匹見 round of the counter van, over its real roads: the van's tablet posts where it
 * is on its way to 匹見下公民館, and a phone shows it moving with the minutes to the stop shrinking,
 * then stopped there; a signed-in resident reserves a slot at the stop. Staff first set the round to
 * run every day, so that the test runs on any day. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VanBrowserTest {

    static final String PASSWORD = "kusakari-no-hi-2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VanRoutes routes;
    @Autowired
    VanRouteEdits edits;
    @Autowired
    RoadNetwork network;
    @Autowired
    ApiClients clients;
    @Autowired
    PasswordEncoder passwords;

    final HttpClient http = HttpClient.newHttpClient();
    String tablet;
    VanStop firstStop;

    @BeforeAll
    void theHikimiRoundRunsEveryDay() {
        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> network.isBuilt()
                && routes.all().stream().anyMatch(route -> route.code().equals("hikimi")));
        VanRoute hikimi = routes.find("hikimi");
        edits.save("hikimi", new VanRouteEdits.RouteEdit(hikimi.name(), List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), false));
        firstStop = routes.find("hikimi").stops().getFirst();
        tablet = clients.issue("hikimi-van", Set.of("counters:van-position")).token();
        jdbc.update("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', '道川 花子', ?, 'hanako@example.jp', now())""", passwords.encode(PASSWORD));
    }

    @Test
    void thePhoneShowsTheVanComingOverTheRoadsAndAResidentReservesASlot() throws Exception {
        List<double[]> way = wayTo(firstStop);
        try (HeadlessChromium phone = new HeadlessChromium(390, 844);
             HeadlessChromium desktop = new HeadlessChromium(1440, 900)) {
            ChromeDriver resident = phone.driver();
            resident.get(base() + "/counters/van");
            waitOn(resident).until(d -> "live".equals(d.findElement(By.cssSelector("[data-route=hikimi]")).getDomAttribute("data-live")));
            assertThat(liveText(resident)).contains("まだ出発していません");

            post(way.get(way.size() / 3));
            waitOn(resident).until(d -> !arrivingIn(d).isEmpty());
            int far = Integer.parseInt(arrivingIn(resident));
            String farPlace = vanAt(resident);
            assertThat(liveText(resident)).contains("次は匹見下公民館（澄川）", "あと約" + far + "分", "arriving in about " + far + " min");
            phone.screenshot("van-phone-coming.png");

            post(way.get(2 * way.size() / 3));
            waitOn(resident).until(d -> !arrivingIn(d).isEmpty() && Integer.parseInt(arrivingIn(d)) < far);
            assertThat(vanAt(resident)).as("the van moved on the sketch").isNotEqualTo(farPlace);
            assertThat(liveText(resident)).contains("Next: Hikimi-shimo community hall (Sumikawa), arriving in about");

            ChromeDriver screen = desktop.driver();
            screen.get(base() + "/counters/van");
            waitOn(screen).until(d -> !arrivingIn(d).isEmpty());
            desktop.screenshot("van-desktop-coming.png");

            post(new double[] {firstStop.place().lon(), firstStop.place().lat()});
            waitOn(resident).until(d -> "yes".equals(d.findElement(By.cssSelector("[data-route=hikimi] .van-live")).getDomAttribute("data-at-stop")));
            assertThat(liveText(resident)).contains("匹見下公民館（澄川）に停車中");

            phone.signIn(port, "hanako@example.jp", PASSWORD);
            resident.get(base() + "/counters/van");
            By reserve = By.cssSelector("details.reserve[data-stop='" + firstStop.id() + "']");
            waitOn(resident).until(d -> !d.findElements(reserve).isEmpty());
            resident.findElement(reserve).findElement(By.tagName("summary")).click();
            Select date = new Select(resident.findElement(By.id("date-" + firstStop.id())));
            date.selectByIndex(1);
            String day = date.getFirstSelectedOption().getDomAttribute("value");
            By free = By.cssSelector("details.reserve[data-stop='" + firstStop.id() + "'] button.slot.free[data-start^='" + day + "']");
            String start = waitOn(resident).until(d -> {
                WebElement slot = d.findElement(free);
                String starts = slot.getDomAttribute("data-start");
                slot.click();
                return starts;
            });
            waitOn(resident).until(d -> text(d, By.cssSelector("details.reserve[data-stop='" + firstStop.id() + "'] .reserve-status.done"))
                    .contains("予約を受け付けました"));
            waitOn(resident).until(d -> d.findElement(By.cssSelector("button.slot[data-start='" + start + "']")).getDomAttribute("disabled") != null);
            phone.screenshot("van-phone-reserved.png");

            for (HeadlessChromium browser : new HeadlessChromium[] {phone, desktop}) {
                assertThat(browser.scriptErrors()).isEmpty();
                assertThat(browser.contentSecurityViolations()).isEmpty();
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            }
        }
    }

    @Test
    void aResidentIsShownTheRoadToAStopFromWhereSheIsOrFromAPointSheTaps() throws Exception {
        double[] home = wayTo(firstStop).getFirst();
        JsonNode expected = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base()
                + "/api/counters/route?lon=" + home[0] + "&lat=" + home[1] + "&stop=" + firstStop.id())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        By directions = By.cssSelector("section.directions[data-route=hikimi]");
        By answer = By.cssSelector("section.directions[data-route=hikimi] .route-answer");
        try (HeadlessChromium phone = new HeadlessChromium(390, 844);
             HeadlessChromium desktop = new HeadlessChromium(1440, 900)) {
            // On the phone, the resident lets the page know where she is.
            phone.blockGsiTiles();
            ChromeDriver resident = phone.driver();
            resident.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base(), "permissions", List.of("geolocation")));
            resident.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", home[1], "longitude", home[0], "accuracy", 10));
            resident.get(base() + "/counters/van");
            waitOn(resident).until(d -> !d.findElements(directions).isEmpty());
            new Select(resident.findElement(By.id("to-hikimi"))).selectByValue(Long.toString(firstStop.id()));
            resident.findElement(By.cssSelector("section.directions[data-route=hikimi] button.from-here")).click();
            waitOn(resident).until(d -> "shown".equals(d.findElement(directions).getDomAttribute("data-state")));
            assertThat(resident.findElement(directions).getDomAttribute("data-metres")).isEqualTo(expected.path("metres").asText());
            String km = String.format(Locale.ROOT, "%.1f", expected.path("metres").asLong() / 1000.0);
            assertThat(text(resident, answer)).contains("現在地から匹見下公民館（澄川）まで 道のり" + km + " km・車で約",
                    "From your location to Hikimi-shimo community hall (Sumikawa): " + km + " km by road");
            assertThat(resident.findElements(By.cssSelector("[data-route=hikimi] .van-sketch polyline.road-route"))).isNotEmpty();
            assertThat(resident.findElements(By.cssSelector("[data-route=hikimi] .van-sketch circle.start"))).hasSize(1);
            resident.executeScript("arguments[0].scrollIntoView({block: 'center'})", resident.findElement(directions));
            phone.screenshot("van-phone-directions.png");

            // On the desktop the location is not available: she taps where she starts on the sketch.
            desktop.blockGsiTiles();
            ChromeDriver screen = desktop.driver();
            screen.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base(), "permissions", List.of("geolocation")));
            screen.executeCdpCommand("Emulation.setGeolocationOverride", Map.of());
            screen.get(base() + "/counters/van");
            waitOn(screen).until(d -> !d.findElements(directions).isEmpty());
            new Select(screen.findElement(By.id("to-hikimi"))).selectByIndex(2);
            screen.findElement(By.cssSelector("section.directions[data-route=hikimi] button.from-here")).click();
            waitOn(screen).until(d -> "picking".equals(d.findElement(directions).getDomAttribute("data-state")));
            assertThat(text(screen, answer)).contains("現在地を取得できませんでした", "tap where you start from");
            WebElement sketch = screen.findElement(By.cssSelector("[data-route=hikimi] .van-sketch"));
            new Actions(screen).moveToElement(sketch, -sketch.getSize().getWidth() / 3, sketch.getSize().getHeight() / 4).click().perform();
            waitOn(screen).until(d -> "shown".equals(d.findElement(directions).getDomAttribute("data-state")));
            assertThat(text(screen, answer)).contains("タップした地点から道川公民館まで 道のり", "From the point you tapped to");
            assertThat(screen.findElements(By.cssSelector("[data-route=hikimi] .van-sketch polyline.road-route"))).isNotEmpty();
            screen.executeScript("arguments[0].scrollIntoView({block: 'center'})", screen.findElement(directions));
            desktop.screenshot("van-desktop-directions-tapped.png");

            // The public map's counter search lists the van's stops too, and draws the road to one.
            screen.get(base() + "/#map=13/" + home[1] + "/" + home[0]);
            waitOn(screen).until(d -> !d.findElements(By.id("counter-finder-button")).isEmpty());
            screen.findElement(By.id("counter-finder-button")).click();
            waitOn(screen).until(d -> !d.findElements(By.cssSelector("#counter-service option[value=juminhyo]")).isEmpty());
            new Select(screen.findElement(By.id("counter-service"))).selectByValue("juminhyo");
            screen.findElement(By.id("counter-search")).click();
            By toStop = By.cssSelector("#counter-results li button[data-stop='" + firstStop.id() + "']");
            waitOn(screen).until(d -> !d.findElements(toStop).isEmpty());
            screen.findElement(toStop).click();
            waitOn(screen).until(d -> !d.findElements(By.cssSelector("path.counter-route")).isEmpty());
            waitOn(screen).until(d -> text(d, By.cssSelector("#counter-results li .route")).contains("km"));
            assertThat(text(screen, By.cssSelector(".counter-marker.counter-van-stop"))).as("the stop marked on the map")
                    .contains("移動窓口車 匹見下公民館（澄川）");
            waitOn(screen).until(d -> d.findElements(By.cssSelector(".leaflet-zoom-anim")).isEmpty());
            desktop.screenshot("van-map-route-to-stop-desktop.png");

            for (HeadlessChromium browser : new HeadlessChromium[] {phone, desktop}) {
                assertThat(browser.scriptErrors()).isEmpty();
                assertThat(browser.contentSecurityViolations()).isEmpty();
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            }
        }
    }

    /** Road vertices on the fastest way to the stop from a vertex 3–6 km from it, in driving order. */
    private List<double[]> wayTo(VanStop stop) {
        List<Long> starts = jdbc.queryForList("""
                select id from counter_road_vertex
                where st_distancesphere(geom, st_setsrid(st_makepoint(?, ?), 6668)) between 3000 and 6000
                order by id limit 30""", Long.class, stop.place().lon(), stop.place().lat());
        for (long start : starts) {
            List<double[]> way = jdbc.query("""
                    select st_x(v.geom) as lon, st_y(v.geom) as lat from pgr_dijkstra(
                        'select id, source, target, cost, cost as reverse_cost from counter_road_edge', ?,
                        (select id from counter_road_vertex order by geom <-> st_setsrid(st_makepoint(?, ?), 6668) limit 1),
                        directed => false) p join counter_road_vertex v on v.id = p.node order by p.seq""",
                    (rs, n) -> new double[] {rs.getDouble("lon"), rs.getDouble("lat")}, start, stop.place().lon(), stop.place().lat());
            if (way.size() >= 6) {
                return way;
            }
        }
        throw new AssertionError("no road reaches " + stop.place().name() + " from 3–6 km away");
    }

    private void post(double[] where) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/counters/van/routes/hikimi/positions"))
                .header("Authorization", "Bearer " + tablet).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lon\": " + where[0] + ", \"lat\": " + where[1] + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String liveText(WebDriver driver) {
        return text(driver, By.cssSelector("[data-route=hikimi] .van-live"));
    }

    private static String arrivingIn(WebDriver driver) {
        try {
            String minutes = driver.findElement(By.cssSelector("[data-route=hikimi] .van-live")).getDomAttribute("data-arriving-in");
            return minutes == null ? "" : minutes;
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }

    private static String vanAt(WebDriver driver) {
        return driver.findElement(By.cssSelector("[data-route=hikimi] .van-sketch")).getDomAttribute("data-van");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
