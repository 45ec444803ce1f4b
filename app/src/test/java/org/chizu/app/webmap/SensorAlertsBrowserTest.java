package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A heavy rain over the sample town, replayed as {@code ./chizu sensors simulate} replays it, watched
 * in Chromium by a resident: the alert appears on {@code /alerts} and the banner over the public map,
 * pushed by live events, on a phone and on a desktop; afterwards the river's alert is cleared with
 * its flood zones and the shelters that serve them.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SensorAlertsBrowserTest {

    /** Masuda's centre and the 高津川 west of it. */
    static final String MASUDA = "/#map=13/34.665/131.83";
    static final String RIVER_GAUGE = "高津川 高角水位観測所";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    List<ChizuCommand> commands;

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromium() {
        chromium = new HeadlessChromium(390, 844);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @Test
    void aResidentWatchesTheRainsAlertsAppearOnTheAlertsPageAndOverTheMap() throws Exception {
        chromium.blockGsiTiles();
        browser.get("http://localhost:" + port + "/alerts");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        assertThat(browser.findElement(By.id("alerts")).getText()).contains("発表中の情報はありません");
        assertThat(browser.findElement(By.cssSelector("a[href='/alerts/cap.atom']")).isDisplayed()).isTrue();

        // About 80 s for the twelve hours: time to look at four pages while the rivers rise, on a busy machine too.
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CompletableFuture<Integer> simulation = CompletableFuture.supplyAsync(() -> simulate("540", printed));

        wait.until(d -> d.findElement(By.id("alerts")).getText().contains(RIVER_GAUGE));
        assertThat(browser.findElement(By.id("updates")).getText()).isEqualTo("自動更新中");
        String riverAlertId = browser.findElements(By.cssSelector(".alert-card")).stream()
                .filter(card -> card.getText().contains(RIVER_GAUGE)).findFirst().orElseThrow().getAttribute("data-alert");
        assertThat(browser.findElement(By.id("alerts")).getText()).contains("町独自の補足情報");
        chromium.screenshot("alerts-phone-ja.png");
        browser.findElement(By.id("language-button")).click();
        wait.until(d -> d.findElement(By.id("alerts")).getText().contains("Current"));
        chromium.screenshot("alerts-phone-en.png");
        browser.findElement(By.id("language-button")).click();
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();

        chromium.resize(1440, 900);
        browser.get("http://localhost:" + port + MASUDA);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-banner")));
        chromium.screenshot("alerts-map-desktop-ja.png");
        browser.get("http://localhost:" + port + "/alerts");
        wait.until(d -> d.findElement(By.id("alerts")).getText().contains(RIVER_GAUGE));
        chromium.screenshot("alerts-desktop-ja.png");

        chromium.resize(390, 844);
        browser.get("http://localhost:" + port + MASUDA);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-banner")));
        chromium.screenshot("alerts-map-phone-ja.png");
        assertThat(chromium.scriptErrors()).isEmpty();

        assertThat(simulation.get()).isZero();
        wait.until(d -> "0".equals(d.findElement(By.tagName("body")).getAttribute("data-alerts")));
        assertThat(browser.findElement(By.id("alert-banner")).isDisplayed()).isFalse();

        JsonNode river = alert(riverAlertId);
        assertThat(river.path("state").asText()).isEqualTo("cleared");
        assertThat(river.path("area").path("zones").findValuesAsText("name")).isNotEmpty()
                .allMatch(name -> name.equals("高津川 洪水浸水想定区域（想定最大規模）"));
        assertThat(river.path("area").path("shelters").size()).isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the rain has passed");
    }

    private int simulate(String speed, ByteArrayOutputStream printed) {
        ChizuCommand simulate = commands.stream().filter(command -> command.words().equals(List.of("sensors", "simulate")))
                .findFirst().orElseThrow();
        try {
            return simulate.run(List.of("--speed", speed), new PrintStream(printed, true, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One alert as the public API shows it, cleared or not (/api/alerts lists the current ones only). */
    private JsonNode alert(String id) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body());
        }
    }
}
