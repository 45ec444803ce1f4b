package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.chizu.app.ChizuApplication;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * Every page of the OGC API opened in headless Chromium as a person opens it: by its plain address,
 * with the browser's own Accept header and no {@code f=html}. Each must be a page for people (its
 * heading in Japanese with English beside it), not JSON and not an error; the landing page leads to
 * the dataset catalogue. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcPagesBrowserTest {

    /** The catalog builds its links from its public base URL, so the server listens where that URL points. */
    static final int PORT = TestSocketUtils.findAvailableTcpPort();
    static final String SERVER = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void databaseAndAddress(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("server.port", () -> PORT);
        registry.add("chizu.catalog.base-url", () -> SERVER);
    }

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
        chromium = new HeadlessChromium(1440, 900);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        chromium.blockGsiTiles();
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @Test
    void everyOgcPageOpensAsAPageForPeopleAtItsPlainAddress() throws Exception {
        long road = new JdbcTemplate(dataSource).queryForObject("select min(id) from roads", Long.class);
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("/ogc", "Chizu 地図 OGC API");
        headings.put("/ogc/conformance", "適合クラス (Conformance classes)");
        headings.put("/ogc/collections", "コレクション (Collections)");
        headings.put("/ogc/collections/roads", "道路 (Roads)");
        headings.put("/ogc/collections/roads/items", "道路 (Roads)");
        headings.put("/ogc/collections/roads/items/" + road, "道路 #" + road);
        headings.put("/ogc/collections/roads/queryables", "検索できる属性 (Queryables)");
        headings.put("/ogc/tileMatrixSets", "タイル行列セット (Tile matrix sets)");
        headings.put("/ogc/tileMatrixSets/WebMercatorQuad", "WebMercatorQuad");
        headings.put("/ogc/collections/roads/tiles", "タイル (Tiles)");
        headings.put("/ogc/collections/roads/tiles/WebMercatorQuad", "道路");
        headings.put("/ogc/api.html", "API説明 (API documentation)");
        for (Map.Entry<String, String> page : headings.entrySet()) {
            browser.get(SERVER + page.getKey());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(browser.executeScript("return document.contentType")).as(page.getKey()).isEqualTo("text/html");
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page.getKey()).contains(page.getValue());
            assertThat(browser.getTitle()).as(page.getKey()).contains(page.getValue());
            assertThat(browser.findElements(By.cssSelector("a[rel~=alternate][type*=json]"))).as(page.getKey() + " links its JSON").isNotEmpty();
            chromium.screenshot(page.getKey().substring(1).replace('/', '-').replace(".html", "") + ".png");
        }
    }

    @Test
    void theLandingPageLeadsToTheCollectionsAndTheDatasetCatalogueOnAPhone() throws Exception {
        chromium.resize(390, 844);
        try {
            browser.get(SERVER + "/ogc");
            chromium.screenshot("ogc-landing-phone.png");
            browser.findElement(By.linkText("コレクション (Collections)")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "コレクション (Collections)"));
            browser.findElement(By.partialLinkText("道路")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "道路 (Roads)"));
            chromium.screenshot("ogc-collection-phone.png");

            browser.get(SERVER + "/ogc");
            browser.findElement(By.linkText("データセット一覧 (Dataset catalogue)")).click();
            wait.until(ExpectedConditions.urlToBe(SERVER + "/datasets"));
        } finally {
            chromium.resize(1440, 900);
        }
    }
}
