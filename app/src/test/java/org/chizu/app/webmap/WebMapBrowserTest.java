package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public web map in a real headless Chromium against the whole application: what a resident
 * on a phone sees and taps. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMapBrowserTest {

    /** Zoom 16 centred inside the landslide warning zone of hillside-town.sql. */
    static final String IN_THE_LANDSLIDE_ZONE = "/#map=16/34.6725/131.8425";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void loadHillsideTownAndStartChromium() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("hillside-town.sql"));
        }
        chromium = new HeadlessChromium(412, 860);
        browser = chromium.driver();
        // Generous: the first page load compiles the map script on a busy two-core machine.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @BeforeEach
    void openTheMapInJapanese() {
        browser.manage().window().setSize(new Dimension(412, 860));
        chromium.blockGsiTiles();
        browser.get("http://localhost:" + port + IN_THE_LANDSLIDE_ZONE);
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    @Test
    void theMapLoadsWithTheRegistryLayersInTheSwitcher() {
        assertThat(browser.findElement(By.cssSelector("#map.leaflet-container")).isDisplayed()).isTrue();

        openLayerPanel();

        assertThat(browser.findElements(By.cssSelector("#layers-list input[type=checkbox]")))
                .extracting(box -> box.getAttribute("data-layer"))
                .containsExactly("hazard_zones", "roads", "facilities", "forests", "reports");
        assertThat(browser.findElement(By.id("layers-list")).getText())
                .contains("ハザード区域", "道路", "施設・避難所", "森林簿（林班・小班）", "土砂災害警戒区域", "指定避難所",
                        "標準地図", "淡色地図", "写真");
    }

    @Test
    void theLegendSaysFromWhichZoomAKindThatLowZoomsLeaveOutAppears() {
        openLayerPanel();

        assertThat(browser.findElements(By.cssSelector("#layers-list .legend li")))
                .filteredOn(entry -> entry.getText().startsWith("土砂災害"))
                .extracting(entry -> entry.findElements(By.cssSelector(".from-zoom")).stream().map(WebElement::getText).toList())
                .containsExactly(List.of(), List.of("ズーム12以上"));
    }

    @Test
    void withoutGsiTilesThePlainBackgroundIsShownAndSaysWhy() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-notice")));

        assertThat(browser.findElement(By.id("offline-notice")).getText())
                .isEqualTo("地理院タイルを読み込めないため、無地の背景を表示しています。");
        assertThat(browser.findElement(By.id("map")).getAttribute("class")).contains("chizu-plain");
    }

    @Test
    void aGsiBackgroundIsCreditedAsGsiTilesLinkingToTheirTerms() {
        openLayerPanel();
        browser.findElement(By.cssSelector("label[for='basemap-std']")).click();

        WebElement credit = browser.findElement(By.cssSelector(".leaflet-control-attribution a[href*='maps.gsi.go.jp']"));
        assertThat(credit.getText()).isEqualTo("地理院タイル");
        assertThat(credit.getAttribute("href")).isEqualTo("https://maps.gsi.go.jp/development/ichiran.html");
    }

    @Test
    void hazardZonesRoadsAndSheltersAreDrawnFromVectorTiles() {
        for (String layer : List.of("hazard_zones", "roads", "facilities")) {
            wait.until(d -> !d.findElements(By.cssSelector(".chizu-layer-" + layer + " path")).isEmpty());
        }
        WebElement zone = browser.findElement(By.cssSelector(".chizu-layer-hazard_zones path"));
        assertThat(zone.getAttribute("fill")).isEqualTo("#f1c40f");
    }

    @Test
    void switchingRoadsOffTakesThemOffTheMapAndOnAgainBringsThemBack() {
        assertThat(browser.findElements(By.cssSelector(".chizu-layer-roads"))).hasSize(1);
        openLayerPanel();
        WebElement roads = browser.findElement(By.id("layer-toggle-roads"));

        roads.click();
        assertThat(roads.isSelected()).isFalse();
        assertThat(browser.findElements(By.cssSelector(".chizu-layer-roads"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".chizu-layer-hazard_zones"))).hasSize(1);

        roads.click();
        assertThat(browser.findElements(By.cssSelector(".chizu-layer-roads"))).hasSize(1);
    }

    @Test
    void tappingInsideTheLandslideZoneReportsTheZoneAndTheNearestShelter() throws Exception {
        tapMapCentre();

        String answer = browser.findElement(By.id("answer")).getText();
        assertThat(answer).contains("ここは安全？", "この地点は次の区域内です：土砂災害警戒区域", "高津川沿い急傾斜地");
        assertThat(browser.findElement(By.cssSelector("#answer .shelters li")).getText())
                .contains("益田小学校", "指定緊急避難場所", "徒歩約5分", "崖崩れ・土石流及び地滑りに対応")
                .containsPattern("直線 3[23]\\d m");
        assertThat(answer).contains("開設中の避難所はありません", "直線距離");
        assertThat(browser.findElements(By.cssSelector(".shelter-pin"))).hasSize(1);
        chromium.screenshot("safety-answer-phone.png");
    }

    @Test
    void theEnglishToggleTranslatesTheAnswerAndIsRememberedOnTheNextVisit() throws Exception {
        browser.findElement(By.id("language-button")).click();
        browser.manage().window().setSize(new Dimension(1280, 800));
        tapMapCentre();

        assertThat(browser.findElement(By.id("answer")).getText())
                .contains("Is this place safe?", "This place is inside: Landslide warning zone.", "about 5 min on foot",
                        "Designated for: Landslide and debris flow")
                .containsPattern("straight line 3[23]\\d m");
        chromium.screenshot("safety-answer-wide-en.png");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("language-button")).getText()).isEqualTo("日本語");
    }

    private void openLayerPanel() {
        browser.findElement(By.id("layers-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("layer-toggle-roads")));
    }

    private void tapMapCentre() {
        new Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answer .shelters li")));
    }
}
