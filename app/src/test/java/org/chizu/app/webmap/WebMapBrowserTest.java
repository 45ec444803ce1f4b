package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
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
 * The public web map in a real headless Chromium against the whole application, with GSI's tiles
 * unreachable as in CI: what a resident sees, taps and reads on a phone and on a desktop.
 * Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMapBrowserTest {

    /** Zoom 16 centred inside the landslide warning zone of hillside-town.sql. */
    static final String IN_THE_LANDSLIDE_ZONE = "/#map=16/34.6725/131.8425";
    /** Zoom 17 centred on the town's one shelter, 益田小学校. */
    static final String AT_THE_SHELTER = "/#map=17/34.6752/131.8440";
    /** Zoom 16 centred 3.6 km north-east of the shelter, inside the town. */
    static final String FAR_FROM_THE_SHELTER = "/#map=16/34.7000/131.8700";
    /** Zoom 13 over the middle of the town, where its name is written. */
    static final String OVER_THE_TOWN = "/#map=13/34.675/131.85";

    /** The two screens every page must work on. */
    enum Screen {
        PHONE(390, 844), DESKTOP(1440, 900);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }

        String file(String name) {
            return name + "-" + name().toLowerCase() + ".png";
        }
    }

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
        chromium = new HeadlessChromium(Screen.PHONE.width, Screen.PHONE.height);
        browser = chromium.driver();
        // Generous: the first page load compiles the map script on a busy two-core machine.
        // Popups and tiles come and go while the map moves: an element gone mid-look is looked for again.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    // --- Layers and legend -------------------------------------------------------------------

    @Test
    void theMapLoadsWithTheRegistryLayersInTheSwitcher() {
        open(Screen.PHONE, IN_THE_LANDSLIDE_ZONE);
        assertThat(browser.findElement(By.cssSelector("#map.leaflet-container")).isDisplayed()).isTrue();

        openLayerPanel();

        assertThat(browser.findElements(By.cssSelector("#layers-list input[type=checkbox]")))
                .extracting(box -> box.getAttribute("data-layer"))
                .containsExactly("hazard_zones", "roads", "facilities", "forests", "reports");
        assertThat(browser.findElement(By.id("layers-list")).getText())
                .contains("ハザード区域", "道路", "施設・避難所", "森林簿（林班・小班）", "土砂災害警戒区域", "指定避難所",
                        "標準地図", "淡色地図", "写真", "Chizuの地図（道路・行政界）");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void forestsAreAThemeTheResidentTurnsOnWhileZonesRoadsAndSheltersShowAtFirst(Screen screen) throws IOException {
        open(screen, "/#map=12/34.6725/131.8425");
        wait.until(d -> !d.findElements(By.cssSelector(".chizu-layer-facilities path")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".chizu-layer-hazard_zones, .chizu-layer-roads"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector(".chizu-layer-forests"))).isEmpty();
        chromium.screenshot(screen.file("map-z12"));

        openLayerPanel();
        WebElement forests = browser.findElement(By.id("layer-toggle-forests"));
        assertThat(forests.isSelected()).isFalse();
        assertThat(browser.findElement(By.id("layer-toggle-hazard_zones")).isSelected()).isTrue();
        forests.click();

        assertThat(browser.findElements(By.cssSelector(".chizu-layer-forests"))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theLegendSaysAKindShowsWhenZoomedInAndZoomsInWhenTapped(Screen screen) {
        open(screen, "/#map=10/34.6725/131.8425");
        openLayerPanel();

        List<WebElement> landslideKinds = browser.findElements(By.cssSelector("#layers-list .legend li")).stream()
                .filter(entry -> entry.getText().startsWith("土砂災害")).toList();
        assertThat(landslideKinds).extracting(entry -> entry.findElements(By.cssSelector("button.from-zoom")).size())
                .containsExactly(0, 1);
        WebElement zoomIn = landslideKinds.get(1).findElement(By.cssSelector("button.from-zoom"));
        assertThat(zoomIn.getText()).isEqualTo("拡大すると表示");

        zoomIn.click();

        wait.until(d -> d.getCurrentUrl().contains("#map=12/"));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theLayerPanelAndTheAnswerSheetCanBothBeRead(Screen screen) throws IOException {
        open(screen, IN_THE_LANDSLIDE_ZONE);
        tapMapCentre();
        openLayerPanel();
        chromium.screenshot(screen.file("panel-and-answer"));

        assertThat(browser.executeScript("""
                const panel = document.getElementById('layers-panel').getBoundingClientRect();
                const sheet = document.getElementById('answer').getBoundingClientRect();
                return panel.bottom <= sheet.top + 0.5 || panel.right <= sheet.left + 0.5 || sheet.right <= panel.left + 0.5;
                """)).as("the panel and the sheet do not overlap").isEqualTo(true);
        WebElement legendEntry = browser.findElement(By.cssSelector("#layers-list .legend li"));
        assertThat(legendEntry.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("answer")).getText()).contains("土砂災害警戒区域", "益田小学校");
    }

    // --- Tapping what is drawn ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Screen.class)
    void tappingAShelterDotOpensItsPopupWithItsName(Screen screen) throws IOException {
        open(screen, AT_THE_SHELTER);
        WebElement dot = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chizu-layer-facilities path")));
        chromium.scriptErrors();

        dot.click();

        WebElement popup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        assertThat(popup.getText()).contains("施設・避難所", "益田小学校", "益田市本町");
        assertThat(chromium.scriptErrors()).isEmpty();
        chromium.screenshot(screen.file("shelter-popup"));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void tappingInsideTheLandslideZoneReportsTheZoneAndTheNearestShelterWithItsAddress(Screen screen) throws IOException {
        open(screen, IN_THE_LANDSLIDE_ZONE);
        tapMapCentre();

        String answer = browser.findElement(By.id("answer")).getText();
        assertThat(answer).contains("ここは安全？", "この地点は次の区域内です：土砂災害警戒区域", "高津川沿い急傾斜地");
        assertThat(browser.findElement(By.cssSelector("#answer .shelters li")).getText())
                .contains("益田小学校", "益田市本町", "指定緊急避難場所", "徒歩約5分", "崖崩れ・土石流及び地滑りに対応")
                .containsPattern("直線 3[23]\\d m");
        assertThat(answer).contains("開設中の避難所はありません", "直線距離");
        assertThat(browser.findElements(By.cssSelector(".shelter-pin"))).hasSize(1);
        chromium.screenshot(screen.file("safety-answer"));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aShelterInTheListIsAButtonThatShowsItOnTheMapWithItsPopup(Screen screen) throws IOException {
        open(screen, IN_THE_LANDSLIDE_ZONE);
        tapMapCentre();

        browser.findElement(By.cssSelector("#answer .shelters button.shelter-name")).click();

        // The zone's popup from the tap fades out as the shelter's opens: the shelter's is found by its name.
        By shelterPopup = By.xpath("//div[contains(@class, 'leaflet-popup-content')][contains(., '益田小学校')]");
        wait.until(d -> d.findElement(shelterPopup).getText().contains("益田市本町"));
        chromium.screenshot(screen.file("shelter-from-list"));
        assertThat(browser.findElement(shelterPopup).getText()).contains("益田小学校", "指定緊急避難場所", "益田市本町", "600");
        assertThat(uncoveredByTheSheet(browser.findElement(By.cssSelector(".shelter-pin")))).isTrue();
        assertThat(uncoveredByTheSheet(browser.findElement(shelterPopup))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void whenTheNearestShelterIsKilometresAwayTheMapZoomsOutToShowIt(Screen screen) throws IOException {
        open(screen, FAR_FROM_THE_SHELTER);
        tapMapCentre();

        assertThat(browser.findElement(By.cssSelector("#answer .shelters li")).getText()).contains("益田小学校").containsPattern("直線 3\\.\\d km");
        wait.until(d -> uncoveredByTheSheet(d.findElement(By.cssSelector(".shelter-pin"))));
        assertThat(browser.getCurrentUrl()).doesNotContain("#map=16/");
        chromium.screenshot(screen.file("far-shelter"));
    }

    // --- Without GSI -------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Screen.class)
    void withoutGsiTilesChizuDrawsItsOwnBoundariesRoadsAndTownNamesAndSaysWhyUntilDismissed(Screen screen) throws IOException {
        open(screen, OVER_THE_TOWN);
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-notice")));
        assertThat(notice.getText()).contains("地理院タイルを読み込めないため、Chizuの道路と行政界で描いた背景を表示しています。");
        assertThat(browser.findElement(By.id("map")).getAttribute("class")).contains("chizu-own");
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-chizu-land-pane path")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-chizu-background-pane path")).isEmpty());
        WebElement town = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".town-name")));
        assertThat(town.getText()).isEqualTo("益田市");
        chromium.screenshot(screen.file("own-background"));

        notice.findElement(By.cssSelector("button.dismiss")).click();
        assertThat(notice.isDisplayed()).isFalse();
        browser.navigate().refresh();
        waitUntilReady();
        wait.until(d -> d.findElement(By.id("map")).getAttribute("class").contains("chizu-own"));
        assertThat(browser.findElement(By.id("offline-notice")).isDisplayed()).as("dismissed for the visit").isFalse();

        browser.findElement(By.id("language-button")).click();
        assertThat(browser.findElement(By.cssSelector(".town-name")).getText()).isEqualTo("Masuda");
    }

    @Test
    void aGsiBackgroundIsCreditedAsGsiTilesLinkingToTheirTerms() {
        open(Screen.DESKTOP, IN_THE_LANDSLIDE_ZONE);
        openLayerPanel();
        browser.findElement(By.cssSelector("label[for='basemap-std']")).click();

        WebElement credit = browser.findElement(By.cssSelector(".leaflet-control-attribution a[href*='maps.gsi.go.jp']"));
        assertThat(credit.getText()).isEqualTo("地理院タイル");
        assertThat(credit.getAttribute("href")).isEqualTo("https://maps.gsi.go.jp/development/ichiran.html");
    }

    @Test
    void hazardZonesRoadsAndSheltersAreDrawnFromVectorTiles() {
        open(Screen.PHONE, IN_THE_LANDSLIDE_ZONE);
        for (String layer : List.of("hazard_zones", "roads", "facilities")) {
            wait.until(d -> !d.findElements(By.cssSelector(".chizu-layer-" + layer + " path")).isEmpty());
        }
        WebElement zone = browser.findElement(By.cssSelector(".chizu-layer-hazard_zones path"));
        assertThat(zone.getAttribute("fill")).isEqualTo("#f1c40f");
    }

    @Test
    void switchingRoadsOffTakesThemOffTheMapAndOnAgainBringsThemBack() {
        open(Screen.PHONE, IN_THE_LANDSLIDE_ZONE);
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

    // --- The bar, the address, location ------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theBarButtonsSayWhatTheyDoInWordsInBothLanguages(Screen screen) throws IOException {
        open(screen, IN_THE_LANDSLIDE_ZONE);
        assertThat(barButtons()).containsExactly("レイヤ", "現在地", "中心を調べる", "通報する", "データカタログ", "English");
        chromium.screenshot(screen.file("bar"));

        browser.findElement(By.id("language-button")).click();

        assertThat(barButtons()).containsExactly("Layers", "My location", "Check centre", "Report", "Data catalogue", "日本語");
        chromium.screenshot(screen.file("bar-en"));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aViewTypedIntoTheAddressMovesTheMap(Screen screen) {
        open(screen, IN_THE_LANDSLIDE_ZONE);
        browser.executeScript("window.stillTheSamePage = true");

        browser.get("http://localhost:" + port + "/#15/34.67/131.84");

        wait.until(d -> d.getCurrentUrl().endsWith("#map=15/34.67000/131.84000"));
        assertThat(browser.executeScript("return window.stillTheSamePage")).isEqualTo(true);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void whenTheLocationIsRefusedThePageSaysSoInsteadOfAnAlert(Screen screen) throws IOException {
        open(screen, IN_THE_LANDSLIDE_ZONE);
        browser.executeCdpCommand("Browser.setPermission", Map.of(
                "permission", Map.of("name", "geolocation"), "setting", "denied", "origin", "http://localhost:" + port));

        browser.findElement(By.id("locate-button")).click();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("map-status")));
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(status.getText()).contains("現在地を取得できませんでした。");
        chromium.screenshot(screen.file("location-refused"));
        status.findElement(By.cssSelector("button.dismiss")).click();
        assertThat(status.isDisplayed()).isFalse();
    }

    @Test
    void theEnglishToggleTranslatesTheAnswerAndIsRememberedOnTheNextVisit() throws Exception {
        open(Screen.DESKTOP, IN_THE_LANDSLIDE_ZONE);
        browser.findElement(By.id("language-button")).click();
        tapMapCentre();

        assertThat(browser.findElement(By.id("answer")).getText())
                .contains("Is this place safe?", "This place is inside: Landslide warning zone.", "about 5 min on foot",
                        "Designated for: Landslide and debris flow")
                .containsPattern("straight line 3[23]\\d m");
        chromium.screenshot("safety-answer-desktop-en.png");

        browser.navigate().refresh();
        waitUntilReady();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("language-button")).getText()).isEqualTo("日本語");
    }

    // --- Favicon and accessibility -----------------------------------------------------------

    @Test
    void theMapHasAFaviconThatLoads() throws Exception {
        open(Screen.DESKTOP, IN_THE_LANDSLIDE_ZONE);
        List<String> icons = browser.findElements(By.cssSelector("link[rel=icon]")).stream().map(link -> link.getDomProperty("href")).toList();
        assertThat(icons).containsExactly("http://localhost:" + port + "/favicon.svg", "http://localhost:" + port + "/favicon.ico");

        HttpClient http = HttpClient.newHttpClient();
        for (String icon : icons) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(icon)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(icon).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(icon).hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void axeFindsNoSeriousOrCriticalViolationsWithTheAnswerAndTheLayersOpen(Screen screen) throws IOException {
        open(screen, IN_THE_LANDSLIDE_ZONE);
        assertThat(seriousViolations()).as("on opening").isEmpty();

        tapMapCentre();
        openLayerPanel();

        assertThat(seriousViolations()).as("with the answer and the layers open").isEmpty();
    }

    // --- Helpers -----------------------------------------------------------------------------

    /** Opens the map at a size and view, in Japanese, with a fresh visit's storage, as a first visit would. */
    private void open(Screen screen, String view) {
        chromium.resize(screen.width, screen.height);
        chromium.blockGsiTiles();
        browser.get("http://localhost:" + port + "/webmap/map.css");
        browser.executeScript("localStorage.clear(); sessionStorage.clear()");
        browser.get("about:blank");
        browser.get("http://localhost:" + port + view);
        waitUntilReady();
    }

    private void waitUntilReady() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    private void openLayerPanel() {
        browser.findElement(By.id("layers-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("layer-toggle-roads")));
    }

    private void tapMapCentre() {
        new Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#answer .shelters li")));
    }

    /** Each bar button's visible words (after its symbol), checking that they are whole on screen, on one line, and its name. */
    private List<String> barButtons() {
        int width = ((Long) browser.executeScript("return document.documentElement.clientWidth")).intValue();
        return browser.findElements(By.cssSelector(".bar .actions > *")).stream().map(button -> {
            Rectangle box = button.getRect();
            assertThat(box.getX()).isGreaterThanOrEqualTo(0);
            assertThat(box.getX() + box.getWidth()).isLessThanOrEqualTo(width);
            List<WebElement> symbol = button.findElements(By.cssSelector("[aria-hidden=true]"));
            String words = button.getText().substring(symbol.isEmpty() ? 0 : symbol.get(0).getText().length()).strip();
            assertThat(words).doesNotContain("\n");
            assertThat(button.getAccessibleName()).as("accessible name of %s", words).containsIgnoringCase(words);
            return words;
        }).toList();
    }

    /** Whether an element lies inside the map and clear of the answer sheet. */
    private boolean uncoveredByTheSheet(WebElement element) {
        Rectangle box = element.getRect();
        Rectangle map = browser.findElement(By.id("map")).getRect();
        Rectangle sheet = browser.findElement(By.id("answer")).getRect();
        boolean inMap = box.getX() >= map.getX() && box.getY() >= map.getY()
                && box.getX() + box.getWidth() <= map.getX() + map.getWidth()
                && box.getY() + box.getHeight() <= map.getY() + map.getHeight();
        return inMap && !overlap(box, sheet);
    }

    private static boolean overlap(Rectangle a, Rectangle b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private List<String> seriousViolations() throws IOException {
        return chromium.seriousAccessibilityViolations();
    }
}
