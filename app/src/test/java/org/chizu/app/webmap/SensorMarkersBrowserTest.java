package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.sensors.NewObservation;
import org.chizu.sensors.Observations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample town's sensors on the public map, watched in Chromium by a resident: each gauge is a
 * marker with its latest value; river readings rising over 避難判断水位 arrive while the page is open and
 * turns the gauge's marker red without a reload; tapping it shows the last 24 hours as a sparkline,
 * in Japanese and English, on a phone and on a desktop, and a form to have the station's alerts
 * e-mailed, whose confirmation e-mail waits in the outbox.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SensorMarkersBrowserTest {

    static final String RIVER_GAUGE = "高津川 高角水位観測所";
    static final String GAUGE_MARKER = ".sensor-marker[title^='" + RIVER_GAUGE + "']";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    Observations observations;
    @Autowired
    JdbcTemplate jdbc;

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
    void aRiverReadingOverTheEvacuationLevelTurnsTheGaugesMarkerRedWithoutReloadAndItsDayIsASparkline() throws Exception {
        chromium.blockGsiTiles();
        browser.get("http://localhost:" + port + SensorAlertsBrowserTest.MASUDA);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        WebElement gauge = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(GAUGE_MARKER)));
        assertThat(gauge.getAttribute("data-level")).as("a quiet day").isEqualTo("0");
        assertThat(gauge.getText()).endsWith(" m");
        browser.executeScript("window.stillTheSamePage = true;");

        JsonNode river = sensor(RIVER_GAUGE);
        observations.append(riseTo(river, 4.6));

        wait.until(d -> "3".equals(d.findElement(By.cssSelector(GAUGE_MARKER)).getAttribute("data-level")));
        gauge = browser.findElement(By.cssSelector(GAUGE_MARKER));
        assertThat(gauge.getAttribute("class")).contains("sev-3");
        assertThat(gauge.getText()).isEqualTo("4.6 m");
        assertThat(gauge.getAttribute("title")).contains("避難判断水位");
        assertThat(browser.executeScript("return window.stillTheSamePage === true;")).as("no reload").isEqualTo(true);

        tapTheGauge();
        WebElement popup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sensor-popup svg.sparkline")));
        assertThat(popup.findElements(By.cssSelector("polyline.reading-line"))).hasSize(1);
        assertThat(popup.findElements(By.cssSelector("line.level-line"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".sensor-popup")).getText()).contains("過去24時間", "河川水位", "4.6 m", "避難判断水位");
        chromium.screenshot("sensors-map-phone-ja.png");

        browser.findElement(By.cssSelector(".sensor-popup .subscribe input")).sendKeys("hanako@example.jp");
        browser.findElement(By.cssSelector(".sensor-popup .subscribe button")).click();
        wait.until(d -> d.findElement(By.cssSelector(".sensor-popup .subscribe-result")).getText().contains("確認メールを送りました"));
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = 'hanako@example.jp'", Integer.class))
                .as("the confirmation e-mail waits in the outbox").isOne();
        chromium.screenshot("sensors-subscribe-phone-ja.png");

        browser.findElement(By.id("language-button")).click();
        tapTheGauge();
        wait.until(d -> d.findElement(By.cssSelector(".leaflet-popup")).getText().contains("Last 24 hours"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sensor-popup svg.sparkline")));
        assertThat(browser.findElement(By.cssSelector(".sensor-popup")).getText()).contains("River level", "Evacuation judgement level");
        chromium.screenshot("sensors-map-phone-en.png");
        browser.findElement(By.id("language-button")).click();

        chromium.resize(1440, 900);
        browser.get("http://localhost:" + port + SensorAlertsBrowserTest.MASUDA);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(GAUGE_MARKER + "[data-level='3']")));
        tapTheGauge();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sensor-popup svg.sparkline")));
        chromium.screenshot("sensors-map-desktop-ja.png");

        assertThat(chromium.scriptErrors()).isEmpty();
        assertThat(chromium.contentSecurityViolations()).isEmpty();
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
    }

    /**
     * Readings ten minutes apart after the sensor's latest, rising to {@code level} no faster than the
     * gauge's quality rules allow (1 m in ten minutes), so none is flagged.
     */
    private static List<NewObservation> riseTo(JsonNode sensor, double level) {
        List<NewObservation> rise = new ArrayList<>();
        Instant at = Instant.parse(sensor.path("observedAt").asText());
        double value = sensor.path("value").asDouble();
        while (value < level) {
            value = Math.min(level, value + 0.9);
            at = at.plus(Duration.ofMinutes(10));
            rise.add(NewObservation.of(sensor.path("datastreamId").asLong(), at, JsonNodeFactory.instance.numberNode(value)));
        }
        return rise;
    }

    /** One sensor of /api/sensors by its Thing's name. */
    private JsonNode sensor(String thing) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sensors")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            for (JsonNode sensor : new ObjectMapper().readTree(response.body()).path("sensors")) {
                if (sensor.path("thing").asText().equals(thing)) {
                    return sensor;
                }
            }
            throw new AssertionError("no sensor " + thing + " on the map: " + response.body());
        }
    }

    /**
     * Taps the gauge's marker once the map has settled: the alert that the rising river raises moves the
     * map to its zones, and a tap while it moves lands on whatever is under the finger then.
     */
    private void tapTheGauge() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(ElementClickInterceptedException.class).until(d -> {
            d.findElement(By.cssSelector(GAUGE_MARKER + " span")).click();
            return true;
        });
    }
}
