package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.chizu.app.ChizuApplication;
import org.chizu.app.forestry.ApprovedFirm;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A forestry firm's clip jobs page on a phone and on a desktop: it chooses its approved application,
 * sees the expected points and size, starts the clip, watches the progress bar reach the end without
 * reloading (live job events), and downloads the LAS (resumable: a Range gives 206) and the manifest.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForestryJobsPageBrowserTest {

    private static final String EMAIL = "yamada@example.jp";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("forestry-jobs-page-archive")::toString);
        registry.add("chizu.jobs.directory", Files.createTempDirectory("forestry-jobs-page-jobs")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    /** 山田林業 has an approved application for a 60 m square in the middle of the sample survey. */
    @BeforeAll
    void anApprovedApplicationAndChromium() throws Exception {
        String square = jdbc.queryForObject("""
                select ST_AsGeoJSON(ST_Transform(ST_Expand(ST_Centroid(ST_Collect(ST_MakeEnvelope(min_x, min_y, max_x, max_y, srid))), 30), 6668), 9)
                from laser_tile where survey_id = (select min(survey_id) from laser_product)""", String.class);
        ApprovedFirm.of(context, EMAIL, "山田林業株式会社").approvedApplication(square, List.of("point_cloud", "dem", "chm", "tree_points"));
        chromium = new HeadlessChromium(390, 844);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(45));
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @Test
    void aFirmSeesTheEstimateStartsAClipWatchesItsProgressAndDownloadsItsFiles() throws Exception {
        chromium.signIn(port, EMAIL, ApprovedFirm.PASSWORD);
        browser.get("http://localhost:" + port + "/forestry/jobs");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));

        WebElement plan = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plans .clip-card")));
        assertThat(plan.getText()).contains("サンプル航空レーザ計測（生成データ）", "点数の見込み", "約", "点群 LAS", "樹頂点");
        assertThat(browser.findElement(By.id("jobs")).getText()).contains("まだジョブはありません");
        chromium.screenshot("forestry-jobs-phone-ja.png");

        plan.findElement(By.cssSelector("button.start")).click();
        WebElement job = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#jobs .clip-card[data-state='done']")));
        assertThat(job.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
        assertThat(job.getText()).contains("完了", "points.las", "dem.tif", "chm.tif", "tree_points.gpkg", "SHA-256", "保存期限");
        browser.executeScript("arguments[0].scrollIntoView()", job);
        chromium.screenshot("forestry-jobs-phone-ja-done.png");

        String las = job.findElement(By.cssSelector("a[download='points.las']")).getAttribute("href");
        Object resumed = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { headers: { Range: 'bytes=0-3' } })
                  .then(async (r) => done(r.status + ' ' + await r.text())).catch((e) => done(String(e)));""", las);
        assertThat(resumed).isEqualTo("206 LASF");
        Object manifest = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector("a[download='manifest.json']").href).then((r) => r.json())
                  .then((m) => done(m.files.map((f) => f.name + ':' + f.sha256.length).join(','))).catch((e) => done(String(e)));""");
        assertThat(String.valueOf(manifest)).contains("points.las:64", "dem.tif:64", "tree_points.gpkg:64");

        browser.findElement(By.id("language-button")).click();
        wait.until(d -> d.findElement(By.cssSelector("#jobs .clip-card")).getText().contains("Done"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Clip the point cloud and terrain");
        chromium.screenshot("forestry-jobs-phone-en.png");
        browser.findElement(By.id("language-button")).click();
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();

        chromium.resize(1440, 900);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#jobs .clip-card[data-state='done']")));
        chromium.screenshot("forestry-jobs-desktop-ja.png");
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
        assertThat(chromium.contentSecurityViolations()).isEmpty();
        assertThat(chromium.scriptErrors()).isEmpty();
    }
}
