package org.chizu.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.app.jobs.JobListInBrowser.progressOf;
import static org.chizu.app.jobs.JobListInBrowser.row;
import static org.chizu.app.jobs.JobListInBrowser.rowWithProgress;
import static org.chizu.app.jobs.JobListInBrowser.rows;
import static org.chizu.app.jobs.JobListInBrowser.textOf;
import static org.chizu.app.jobs.JobListInBrowser.updates;
import static org.chizu.app.jobs.JobListInBrowser.waitFor;

import java.util.List;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.app.jobs.RecordingJob.Work;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.Jobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A staff member watches the jobs on /staff/jobs in a real headless Chromium, on a desktop and on a
 * phone: a running job's progress bar moves on its own, told by the staff.jobs live events, a done
 * job links its result, and a queued job is cancelled with its button. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.jobs.lease=3s", "chizu.jobs.workers.poll-interval=200ms"})
@Import(BackgroundJobsTest.TestJobs.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffJobsPageBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    Jobs jobs;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    String password;
    long running;
    long done;
    long queued;

    @BeforeAll
    void queueJobs() {
        RecordingJob.createTable(jdbc.getDataSource());
        password = accounts.create("kikaku", "企画 花子", Role.STAFF).password();
        done = jobs.submit(RecordingJob.KIND, "kikaku", new Work(1, 10, 0, "集計結果")).id();
        running = jobs.submit(RecordingJob.KIND, "kikaku", new Work(3000, 40, 0, null)).id();
        queued = transaction.execute(tx -> {
            long id = jobs.submit(RecordingJob.KIND, "doboku", new Work(1, 1, 0, null)).id();
            jdbc.update("update job set run_after = now() + interval '1 hour' where id = ?", id);
            return id;
        });
    }

    @Test
    void staffSeeProgressAndResultsAndCancelAQueuedJobOnDesktopAndPhone() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 900)) {
            ChromeDriver browser = signedIn(chromium);
            WebDriverWait wait = waitFor(browser);

            String runningText = wait.until(d -> textOf(rowWithProgress(d, running)));
            assertThat(runningText).contains("実行中 Running", "test.recording", "kikaku");
            int progress = wait.until(d -> progressOf(rowWithProgress(d, running)));
            wait.until(d -> progressOf(rowWithProgress(d, running)) > progress);
            assertThat(updates(browser)).as("following staff.jobs").isEqualTo("live");
            String resultLink = wait.until(d -> row(d, done, "done").findElement(By.linkText("result.txt")).getAttribute("href"));
            assertThat(resultLink).endsWith("/api/jobs/" + done + "/result");
            chromium.screenshot("staff-jobs-desktop.png");

            wait.until(d -> {
                row(d, queued, "queued").findElement(By.cssSelector("button.cancel")).click();
                return true;
            });

            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs-status"), "#" + queued + " 取り消しました"));
            String cancelledText = wait.until(d -> textOf(row(d, queued, "cancelled")));
            List<WebElement> cancelButtons = wait.until(d -> row(d, queued, "cancelled").findElements(By.cssSelector("button.cancel")));
            assertThat(cancelledText).contains("取消 Cancelled");
            assertThat(cancelButtons).isEmpty();
            assertThat(jobs.find(queued).orElseThrow().state()).isEqualTo(JobState.CANCELLED);

            new Select(browser.findElement(By.id("filter-state"))).selectByValue("done");
            wait.until(d -> rows(d).size() == 1 && rows(d).getFirst().getAttribute("data-job").equals(Long.toString(done)));
            chromium.screenshot("staff-jobs-desktop-done.png");

            chromium.resize(360, 780);
            new Select(browser.findElement(By.id("filter-state"))).selectByValue("");
            int cardWidth = wait.until(d -> rowWithProgress(d, running).getSize().getWidth());
            assertThat(cardWidth).as("a card nearly as wide as the phone").isGreaterThan(300);
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .as("no sideways scrolling").isZero();
            chromium.screenshot("staff-jobs-phone.png");
        }
        jobs.cancel(running);
    }

    private ChromeDriver signedIn(HeadlessChromium chromium) {
        chromium.signIn(port, "kikaku", password);
        ChromeDriver browser = chromium.driver();
        browser.get("http://localhost:" + port + "/staff/jobs");
        return browser;
    }
}
