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
 * reloading (live job events), and downloads the LAS (resumable: a Range gives 206) and the manifest;
 * another firm cancels a job waiting in the queue, confirming in place, reads that it is cancelled and sees
 * its points given back to the month's quota.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForestryJobsPageBrowserTest {

    private static final String EMAIL = "yamada@example.jp";
    private static final String OTHER_FIRM = "suzuki@example.jp";

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

    ApprovedFirm suzuki;
    long suzukiApplication;
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
        suzuki = ApprovedFirm.of(context, OTHER_FIRM, "鈴木林産合同会社");
        suzukiApplication = suzuki.approvedApplication(square, List.of("point_cloud", "tree_points", "resource_mesh"));
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
        chromium.resize(390, 844);
        browser.get("http://localhost:" + port + "/login");
        browser.manage().deleteAllCookies();
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

    @Test
    void aFirmCancelsAQueuedJobAfterConfirmingAndReadsThatItIsCancelled() throws Exception {
        long first = waitingJob(), second = waitingJob();
        chromium.resize(390, 844);
        browser.get("http://localhost:" + port + "/login");
        browser.manage().deleteAllCookies();
        chromium.signIn(port, OTHER_FIRM, ApprovedFirm.PASSWORD);
        browser.get("http://localhost:" + port + "/forestry/jobs");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));

        WebElement queued = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-job='" + first + "'][data-state='queued']")));
        assertThat(queued.getText()).contains("待機中");
        assertThat(browser.findElement(By.cssSelector("#plans .clip-card")).getText()).contains("104,000 / 2,000,000,000 点");
        browser.executeScript("arguments[0].scrollIntoView()", queued);
        queued.findElement(By.cssSelector("button.cancel")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-job='" + first + "'] .confirm")));
        assertThat(confirm.getText()).contains("ジョブ " + first + " を取り消しますか");
        assertThat(browser.switchTo().activeElement().getText()).as("the confirming button has the focus").isEqualTo("取り消す");
        chromium.screenshot("forestry-jobs-cancel-phone-ja-confirm.png");
        confirm.findElement(By.cssSelector("button.confirm-cancel")).click();
        WebElement cancelled = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-job='" + first + "'][data-state='cancelled']")));
        assertThat(cancelled.getText()).contains("取消済");
        assertThat(cancelled.findElements(By.cssSelector("a[download], button"))).as("nothing to download or cancel").isEmpty();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("ジョブ " + first + " を取り消しました");
        wait.until(d -> d.findElement(By.cssSelector("#plans .clip-card")).getText().contains("52,000 / 2,000,000,000 点"));
        chromium.screenshot("forestry-jobs-cancel-phone-ja.png");
        browser.findElement(By.id("language-button")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-job='" + first + "']")).getText().contains("Cancelled"));
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector("[data-job='" + first + "']")));
        chromium.screenshot("forestry-jobs-cancel-phone-en.png");
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();

        chromium.resize(1440, 900);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        WebElement other = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-job='" + second + "'][data-state='queued']")));
        assertThat(other.getText()).contains("Queued");
        other.findElement(By.cssSelector("button.cancel")).click();
        WebElement keepOrCancel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-job='" + second + "'] .confirm")));
        assertThat(keepOrCancel.getText()).contains("Cancel job " + second + "?");
        chromium.screenshot("forestry-jobs-cancel-desktop-en-confirm.png");
        keepOrCancel.findElement(By.cssSelector("button.confirm-cancel")).click();
        WebElement done = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-job='" + second + "'][data-state='cancelled']")));
        assertThat(done.getText()).contains("Cancelled");
        chromium.screenshot("forestry-jobs-cancel-desktop-en.png");
        browser.findElement(By.id("language-button")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-job='" + second + "']")).getText().contains("取消済"));
        chromium.screenshot("forestry-jobs-cancel-desktop-ja.png");
        assertThat(jdbc.queryForList("select state from job where id in (?, ?)", String.class, first, second)).containsOnly("cancelled");
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
        assertThat(chromium.contentSecurityViolations()).isEmpty();
        assertThat(chromium.scriptErrors()).isEmpty();
    }

    /** A clip job of 鈴木林産's that waits its turn behind others' jobs: the queue will not reach it for an hour. */
    long waitingJob() {
        long survey = jdbc.queryForObject("select min(survey_id) from laser_product", Long.class);
        long job = jdbc.queryForObject("""
                insert into job (kind, owner, payload, max_attempts, run_after)
                values ('forestry.clip', ?, jsonb_build_object('application', ?::bigint, 'survey', ?::bigint), 3, now() + interval '1 hour')
                returning id""", Long.class, suzuki.email(), suzukiApplication, survey);
        jdbc.update("""
                insert into forestry_clip_job (job_id, application_id, organisation_id, account_id, survey_id, estimated_points, estimated_bytes)
                values (?, ?, ?, ?, ?, 52000, 1800000)""", job, suzukiApplication, suzuki.organisation(), suzuki.administrator().id(), survey);
        return job;
    }
}
