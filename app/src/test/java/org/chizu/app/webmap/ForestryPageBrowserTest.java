package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A forestry firm's first look at the town's laser survey, on a phone and on a desktop, with GSI's
 * tiles unreachable: the sample survey's coverage on the map with its CS relief drawn over the
 * forest, who surveyed it and what it holds, and that using it needs approval.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForestryPageBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("forestry-page-archive")::toString);
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
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @Test
    void aFirmSeesTheSurveyedForestInCsReliefAndWhoMustApproveItsUse() throws Exception {
        chromium.blockGsiTiles();
        browser.get("http://localhost:" + port + "/forestry");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));

        WebElement survey = browser.findElement(By.cssSelector(".survey-card"));
        assertThat(survey.getText()).contains("サンプル航空レーザ計測（生成データ）", "安来市（サンプル）", "CS立体図", "承認");
        wait.until(d -> reliefTilesDrawn() > 0);
        chromium.screenshot("forestry-phone-ja.png");

        browser.findElement(By.cssSelector("label.relief-toggle")).click();
        wait.until(d -> reliefTilesDrawn() == 0);
        browser.findElement(By.cssSelector("label.relief-toggle")).click();
        wait.until(d -> reliefTilesDrawn() > 0);

        browser.findElement(By.id("language-button")).click();
        wait.until(d -> d.findElement(By.cssSelector(".survey-card")).getText().contains("Surveying body"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Airborne laser survey of the forests");
        chromium.screenshot("forestry-phone-en.png");
        browser.findElement(By.id("language-button")).click();
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();

        browser.manage().window().setSize(new Dimension(1440, 900));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        wait.until(d -> reliefTilesDrawn() > 0);
        chromium.screenshot("forestry-desktop-ja.png");
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
        assertThat(chromium.scriptErrors()).isEmpty();
    }

    /** CS relief tiles the map shows that gdal2tiles drew (256 px), not the empty 1 px ones outside the survey. */
    private long reliefTilesDrawn() {
        Object drawn = browser.executeScript("""
                return [...document.querySelectorAll('img.leaflet-tile-loaded')]
                  .filter((img) => img.src.includes('/forestry/tiles/') && img.naturalWidth === 256).length;""");
        return ((Number) drawn).longValue();
    }
}
