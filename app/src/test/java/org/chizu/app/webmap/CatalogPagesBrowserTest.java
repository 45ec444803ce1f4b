package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.chizu.app.webmap.WebMapBrowserTest.Screen;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The data catalogue pages (/datasets, /datasets/{id}) in a real headless Chromium against the
 * whole application over the hillside town: searching, filtering by facets, switching to English,
 * a dataset's extent map, downloads and API snippets, on a wide screen and on a phone; and the
 * OGC API tileset page a dataset's API links lead to, with its map of the extent.
 * Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogPagesBrowserTest {

    /** The catalog builds its links from its public base URL, so the server listens where that URL points. */
    static final int PORT = TestSocketUtils.findAvailableTcpPort();
    static final String SERVER = "http://localhost:" + PORT;
    static final List<String> PUBLIC_DATASETS = List.of("hazard_zones", "roads", "facilities", "forests", "reports");

    @DynamicPropertySource
    static void databaseAndAddress(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("server.port", () -> PORT);
        registry.add("chizu.catalog.base-url", () -> SERVER);
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationEventPublisher events;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void loadHillsideTownAndStartChromium() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("hillside-town.sql"));
        }
        // Announced as an import would, so what the catalog read at start-up is read again.
        PUBLIC_DATASETS.forEach(layer -> events.publishEvent(LayerDataChanged.wholeLayer(layer)));
        chromium = new HeadlessChromium(1280, 900);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        chromium.blockGsiTiles();
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", SERVER,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @BeforeEach
    void startInJapaneseOnAWideScreen() {
        chromium.resize(1280, 900);
        browser.get(SERVER + "/datasets");
        browser.executeScript("localStorage.clear()");
    }

    @Test
    void theMapLinksToTheCatalogWhichListsEveryPublicDatasetWithFacetCounts() throws Exception {
        open("/");
        browser.findElement(By.id("catalog-link")).click();
        waitUntilReady();

        assertThat(browser.getCurrentUrl()).isEqualTo(SERVER + "/datasets");
        assertThat(listedDatasets()).containsExactlyInAnyOrderElementsOf(PUBLIC_DATASETS);
        assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("5 件のデータセット");
        assertThat(facetShown("organization", "322041")).isEqualTo("益田市 (5)");
        assertThat(facetShown("res_format", "GeoJSON")).isEqualTo("GeoJSON (5)");
        assertThat(facetShown("tags", "道路")).isEqualTo("道路 (2)");
        assertThat(facetShown("license_id", "CC-BY-4.0")).isEqualTo("CC-BY-4.0 (5)");
        assertThat(browser.findElement(By.cssSelector("[data-dataset='roads'] h2")).getText()).isEqualTo("道路 Roads");
        chromium.screenshot("catalog-search-wide.png");

        assertThat(browser.findElements(By.cssSelector("[data-facet='tags'] button[data-value]"))).hasSize(8);
        browser.findElement(By.cssSelector("[data-facet='tags'] .facet-more")).click();
        assertThat(browser.findElements(By.cssSelector("[data-facet='tags'] button[data-value]"))).hasSizeGreaterThan(8);
    }

    @Test
    void typingAQueryNarrowsTheListAndTheAddressKeepsIt() {
        open("/datasets");
        browser.findElement(By.id("q")).sendKeys("避難所");

        wait.until(d -> listedDatasets().equals(List.of("facilities")));
        assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("1 件のデータセット");
        assertThat(browser.getCurrentUrl()).contains("q=");

        browser.navigate().refresh();
        waitUntilReady();
        assertThat(listedDatasets()).containsExactly("facilities");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("避難所");
    }

    @Test
    void clickingATagFiltersTheListAndClickingItAgainShowsAllAgain() {
        open("/datasets");

        facetValue("tags", "道路").click();
        wait.until(d -> listedDatasets().size() == 2);
        assertThat(listedDatasets()).containsExactlyInAnyOrder("roads", "reports");
        assertThat(facetValue("tags", "道路").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.getCurrentUrl()).contains("tags=");

        facetValue("tags", "道路").click();
        wait.until(d -> listedDatasets().size() == 5);
        assertThat(facetValue("tags", "道路").getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void theEnglishToggleSwitchesLabelsAndTitlesAndIsRemembered() {
        open("/datasets");

        browser.findElement(By.id("language-button")).click();

        assertThat(browser.findElement(By.cssSelector(".bar h1")).getText()).isEqualTo("Data catalogue");
        assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("5 datasets");
        assertThat(browser.findElement(By.cssSelector("[data-facet='tags'] h3")).getText()).isEqualTo("Tag");
        assertThat(browser.findElement(By.cssSelector("[data-dataset='roads'] h2")).getText()).isEqualTo("Roads 道路");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        open("/datasets/roads");
        assertThat(browser.findElement(By.cssSelector(".dataset-downloads h3")).getText()).isEqualTo("Downloads");
        assertThat(browser.findElement(By.id("dataset-title")).getText()).isEqualTo("Roads 道路");
    }

    @Test
    void aDatasetPageDrawsTheExtentAndOffersDownloadsThatWork() throws Exception {
        open("/datasets");
        browser.findElement(By.cssSelector("[data-dataset='roads'] h2 a")).click();
        waitUntilReady();

        assertThat(browser.getCurrentUrl()).isEqualTo(SERVER + "/datasets/roads");
        assertThat(browser.findElement(By.id("dataset-title")).getText()).isEqualTo("道路 Roads");
        assertThat(browser.findElement(By.id("dataset-notes")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#extent-map path.dataset-extent"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-detail='publisher']")).getText()).isEqualTo("益田市");
        assertThat(browser.findElement(By.cssSelector("[data-detail='licence']")).getText()).isEqualTo("クリエイティブ・コモンズ 表示 4.0 国際");

        List<WebElement> downloads = browser.findElements(By.cssSelector("a.download"));
        assertThat(downloads).extracting(a -> a.getAttribute("data-format"))
                .containsExactly("GeoJSON", "CSV", "GPKG", "FlatGeobuf", "SHP");
        for (WebElement download : downloads) {
            assertThat(status(download.getAttribute("href"))).as(download.getAttribute("href")).isEqualTo(200);
        }
        assertThat(status(link("dcat"))).isEqualTo(200);
        assertThat(link("dcat")).isEqualTo(SERVER + "/dataset/roads.ttl");
        assertThat(status(link("ogc"))).isEqualTo(200);
        chromium.screenshot("catalog-dataset-wide.png");
    }

    @Test
    void theSnippetsCallTheApisAndTheCopyButtonCopiesThem() throws Exception {
        open("/datasets/roads");

        assertThat(snippet("download")).isEqualTo("curl -L -O '" + SERVER + "/data/roads.geojson'");
        assertThat(snippet("ckan")).isEqualTo("curl '" + SERVER + "/api/3/action/package_show?id=roads'");
        assertThat(snippet("ogc")).isEqualTo(SERVER + "/ogc/collections/roads/items");
        JsonNode packageShow = json.readTree(get(SERVER + "/api/3/action/package_show?id=roads").body());
        assertThat(packageShow.path("result").path("name").asText()).isEqualTo("roads");
        assertThat(json.readTree(get(snippet("ogc")).body()).path("type").asText()).isEqualTo("FeatureCollection");

        WebElement copy = browser.findElement(By.cssSelector("button[data-copies='ckan']"));
        copy.click();
        wait.until(ExpectedConditions.textToBePresentInElement(copy, "コピーしました"));
        Object clipboard = browser.executeAsyncScript("navigator.clipboard.readText().then(arguments[0])");
        assertThat(clipboard).isEqualTo(snippet("ckan"));
    }

    @Test
    void theQualityPanelShowsWhenTheCatalogAssessesQualityAndIsHiddenOtherwise() throws Exception {
        open("/datasets/roads");

        JsonNode quality = json.readTree(get(SERVER + "/api/3/action/package_show?id=roads").body()).path("result").path("quality");
        WebElement panel = browser.findElement(By.id("quality"));
        assertThat(panel.isDisplayed()).isEqualTo(!quality.isMissingNode());
        if (!quality.isMissingNode()) {
            assertThat(panel.getText()).contains(quality.path("score").asText() + " / " + quality.path("max").asText() + " 点");
            assertThat(panel.findElements(By.cssSelector("[data-dimension]"))).hasSize(quality.path("dimensions").size());
        }
    }

    @Test
    void aBrowserOpeningADatasetsDcatAddressLandsOnItsPage() {
        open("/dataset/facilities");

        assertThat(browser.getCurrentUrl()).isEqualTo(SERVER + "/datasets/facilities");
        assertThat(browser.findElement(By.id("dataset-title")).getText()).isEqualTo("施設・避難所 Facilities and shelters");
    }

    @Test
    void anUnknownDatasetSaysSo() {
        open("/datasets/water_pipes");

        assertThat(browser.findElement(By.id("dataset-error")).getText()).isEqualTo("このデータセットは見つかりません。");
        assertThat(browser.findElement(By.id("dataset")).isDisplayed()).isFalse();
    }

    @Test
    void onAPhoneBothPagesFitTheScreenWidth() throws Exception {
        chromium.resize(360, 780);

        open("/datasets");
        assertNoHorizontalScrolling();
        chromium.screenshot("catalog-search-phone.png");

        open("/datasets/roads");
        assertThat(browser.findElements(By.cssSelector("#extent-map path.dataset-extent"))).hasSize(1);
        assertNoHorizontalScrolling();
        chromium.screenshot("catalog-dataset-phone.png");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void axeFindsNoSeriousOrCriticalViolationsOnTheCataloguePagesInJapaneseOrEnglish(Screen screen) throws Exception {
        chromium.resize(screen.width, screen.height);
        for (String path : List.of("/datasets", "/datasets/roads")) {
            open(path);
            assertThat(chromium.seriousAccessibilityViolations()).as(path + " in Japanese").isEmpty();
            chromium.screenshot(screen.file("catalog-axe" + path.replace('/', '-')));
            browser.findElement(By.id("language-button")).click();
            wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertThat(chromium.seriousAccessibilityViolations()).as(path + " in English").isEmpty();
            browser.executeScript("localStorage.clear()");
        }
        assertThat(chromium.scriptErrors()).isEmpty();
        assertThat(chromium.contentSecurityViolations()).isEmpty();
    }

    @Test
    void theTilesetPageDrawsTheExtentOnAMap() throws Exception {
        browser.get(SERVER + "/ogc/collections/roads/tiles/WebMercatorQuad?f=html");
        WebElement extent = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#tileset-preview.leaflet-container .leaflet-overlay-pane svg path")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("道路 (Roads) — WebMercatorQuad");
        assertThat(extent.getAttribute("d")).as("a closed outline of four corners").matches("M[^L]+(L[^L]+){3}z");
        WebElement map = browser.findElement(By.id("tileset-preview"));
        assertThat(extent.getRect().getWidth()).as("outline width").isPositive().isLessThanOrEqualTo(map.getRect().getWidth());
        assertThat(extent.getRect().getHeight()).as("outline height").isPositive().isLessThanOrEqualTo(map.getRect().getHeight());
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText()).contains("地理院タイル");
        assertThat(browser.findElement(By.linkText("JSON")).getAttribute("href"))
                .isEqualTo(SERVER + "/ogc/collections/roads/tiles/WebMercatorQuad?f=json");
        String tileJson = browser.findElement(By.linkText("TileJSON")).getAttribute("href");
        assertThat(json.readTree(get(tileJson).body()).path("tiles").isArray()).isTrue();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
        chromium.screenshot("ogc-tileset-wide.png");
    }

    private void open(String path) {
        browser.get(SERVER + path);
        waitUntilReady();
    }

    private void waitUntilReady() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    /** Read in one script call, since the list is replaced whenever an answer arrives. */
    @SuppressWarnings("unchecked")
    private List<String> listedDatasets() {
        return (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#result-list [data-dataset]'), item => item.dataset.dataset)");
    }

    private WebElement facetValue(String field, String value) {
        return browser.findElement(By.cssSelector("[data-facet='" + field + "'] button[data-value='" + value + "']"));
    }

    /** A facet value as shown: its name and, in brackets, the number of datasets it would leave. */
    private String facetShown(String field, String value) {
        WebElement button = facetValue(field, value);
        return button.findElement(By.className("facet-name")).getText() + " (" + button.findElement(By.className("facet-count")).getText() + ")";
    }

    private String snippet(String id) {
        return browser.findElement(By.cssSelector("[data-snippet='" + id + "'] code")).getText();
    }

    private String link(String id) {
        return browser.findElement(By.cssSelector("a[data-link='" + id + "']")).getAttribute("href");
    }

    private void assertNoHorizontalScrolling() {
        Object overflow = browser.executeScript("""
                const main = document.querySelector('main');
                return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
                                main.scrollWidth - main.clientWidth);""");
        assertThat(((Number) overflow).intValue()).as("pixels wider than the screen").isLessThanOrEqualTo(0);
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
