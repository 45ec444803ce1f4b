package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.sample.PublicDataFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample town as {@code ./chizu run} starts it, with its real shelters and boundaries credited
 * wherever they are shown or passed on: on the web map, in the tiles' metadata and in the catalog.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleTownCreditsBrowserTest {

    static final String GSI = PublicDataFile.Source.GSI_SHELTERS.attribution();
    static final String MLIT = PublicDataFile.Source.MLIT_BOUNDARIES.attribution();
    /** Masuda's centre, where its real shelters cluster. */
    static final String MASUDA = "/#map=14/34.675/131.84";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromium() {
        chromium = new HeadlessChromium(390, 844);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @Test
    void theMapCreditsGsiForTheSheltersAndMlitForTheBoundariesOnceEachInJapaneseAndEnglish() throws Exception {
        for (Dimension screen : new Dimension[] {new Dimension(390, 844), new Dimension(1440, 900)}) {
            chromium.resize(screen.getWidth(), screen.getHeight());
            openTheMap();
            wait.until(d -> !d.findElements(By.cssSelector(".chizu-layer-facilities path")).isEmpty());
            // On a phone the answer sheet covers the foot of the map until it is closed.
            browser.findElement(By.id("answer-close")).click();
            assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).isDisplayed()).isTrue();
            assertThat(credits()).contains(GSI).containsOnlyOnce(MLIT).containsOnlyOnce("クリエイティブ・コモンズ 表示 4.0 国際");
            chromium.screenshot("sample-town-credits-" + screen.width + "-ja.png");

            browser.findElement(By.id("language-button")).click();
            wait.until(d -> credits().contains("Creative Commons Attribution 4.0 International"));
            assertThat(credits()).contains(GSI).containsOnlyOnce(MLIT);
            chromium.screenshot("sample-town-credits-" + screen.width + "-en.png");
        }
    }

    @Test
    void theCatalogCreditsGsiForTheShelterDatasetAndMarksTheGeneratedRoadsAsSample() throws Exception {
        assertThat(get("/dataset/facilities.ttl")).contains(GSI).doesNotContain("サンプルデータ");
        assertThat(get("/dataset/roads.ttl")).contains("【サンプルデータ】", MLIT);
        assertThat(get("/tiles/facilities.json")).contains(GSI);

        chromium.resize(390, 844);
        browser.get("http://localhost:" + port + "/datasets/facilities");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        WebElement source = browser.findElement(By.cssSelector("[data-detail='provenance']"));
        new Actions(browser).scrollToElement(source).perform();
        assertThat(source.getText()).contains(GSI);
        chromium.screenshot("sample-town-credits-dataset-390-ja.png");
    }

    private void openTheMap() {
        chromium.blockGsiTiles();
        browser.get("http://localhost:" + port + MASUDA);
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    private String credits() {
        return browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText();
    }

    private String get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }
    }
}
