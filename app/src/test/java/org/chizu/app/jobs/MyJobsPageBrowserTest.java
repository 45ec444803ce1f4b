package org.chizu.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.app.jobs.JobListInBrowser.jobIds;
import static org.chizu.app.jobs.JobListInBrowser.progressOf;
import static org.chizu.app.jobs.JobListInBrowser.row;
import static org.chizu.app.jobs.JobListInBrowser.rowWithProgress;
import static org.chizu.app.jobs.JobListInBrowser.textOf;
import static org.chizu.app.jobs.JobListInBrowser.updates;
import static org.chizu.app.jobs.JobListInBrowser.waitFor;

import java.net.http.HttpResponse;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person follows their own jobs on /jobs (わたしの処理) in a real headless Chromium, on a
 * desktop and on a phone: a job's progress bar moves as its live events arrive, a done job links its
 * result with its SHA-256, someone else's job is not shown, and a queued job is cancelled with its
 * button. A resident, signed in by e-mail address, follows their jobs live too.
 * Screenshots go to target/screenshots/my-jobs-*.png.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.jobs.lease=3s", "chizu.jobs.workers.poll-interval=200ms"})
@Import(BackgroundJobsTest.TestJobs.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyJobsPageBrowserTest {

    static final String RESIDENT = "hanako@example.jp";
    static final String RESIDENT_PASSWORD = "correct horse battery staple 7";
    /** Longer than the page gathers events for (0.5 s): the fetch for the cancelled job's last event is done. */
    static final long SETTLE_MILLIS = 1500;
    /** Longer than the page's polling interval (5 s): a page that polled would have fetched the list by then. */
    static final long LONGER_THAN_A_POLL_MILLIS = 6500;

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
    @Autowired
    PasswordEncoder passwords;

    String password;
    long done;
    long queued;
    long someoneElses;
    long residents;

    @BeforeAll
    void queueJobs() {
        RecordingJob.createTable(jdbc.getDataSource());
        password = accounts.create("tanaka", "田中 一郎", Role.STAFF).password();
        accounts.create("suzuki", Role.STAFF);
        jdbc.update("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', 'はなこ', ?, ?, now())""", passwords.encode(RESIDENT_PASSWORD), RESIDENT);
        done = jobs.submit(RecordingJob.KIND, "tanaka", new Work(1, 10, 0, "集計結果")).id();
        someoneElses = jobs.submit(RecordingJob.KIND, "suzuki", new Work(1, 10, 0, "鈴木さんの結果")).id();
        residents = jobs.submit(RecordingJob.KIND, RESIDENT, new Work(1, 10, 0, "はなこの結果")).id();
        queued = transaction.execute(tx -> {
            long id = jobs.submit(RecordingJob.KIND, "tanaka", new Work(1, 1, 0, null)).id();
            jdbc.update("update job set run_after = now() + interval '1 hour' where id = ?", id);
            return id;
        });
    }

    @Test
    void ownerWatchesTheirJobMoveLiveSeesItsResultAndCancelsAQueuedJobOnDesktopAndPhone() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 900)) {
            chromium.signIn(port, "tanaka", password);
            ChromeDriver browser = chromium.driver();
            browser.get("http://localhost:" + port + "/jobs");
            WebDriverWait wait = waitFor(browser);
            wait.until(d -> "live".equals(updates(d)));
            assertThat(browser.findElement(By.id("jobs-updates")).getText()).contains("ライブ更新 Live");

            long running = jobs.submit(RecordingJob.KIND, "tanaka", new Work(3000, 40, 0, null)).id();
            String runningText = wait.until(d -> textOf(rowWithProgress(d, running)));
            int progress = wait.until(d -> progressOf(rowWithProgress(d, running)));
            wait.until(d -> progressOf(rowWithProgress(d, running)) > progress);
            assertThat(runningText).contains("実行中 Running", "test.recording", "%");

            String doneText = wait.until(d -> textOf(row(d, done, "done")));
            String resultLink = wait.until(d -> row(d, done, "done").findElement(By.linkText("result.txt")).getAttribute("href"));
            assertThat(resultLink).endsWith("/api/jobs/" + done + "/result");
            assertThat(doneText).contains("SHA-256 " + jobs.find(done).orElseThrow().result().sha256(), "期限 Expires");
            assertThat(jobIds(browser)).as("suzuki's job is not listed")
                    .containsExactlyInAnyOrder(Long.toString(running), Long.toString(done), Long.toString(queued));
            assertThat(browser.findElement(By.tagName("thead")).getText()).doesNotContain("依頼者 Owner");
            chromium.screenshot("my-jobs-desktop.png");

            chromium.resize(360, 780);
            int cardWidth = wait.until(d -> rowWithProgress(d, running).getSize().getWidth());
            assertThat(cardWidth).as("a card nearly as wide as the phone").isGreaterThan(300);
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .as("no sideways scrolling").isZero();
            chromium.screenshot("my-jobs-phone.png");

            wait.until(d -> {
                row(d, queued, "queued").findElement(By.cssSelector("button.cancel")).click();
                return true;
            });
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs-status"), "#" + queued + " 取り消しました"));
            String cancelledText = wait.until(d -> textOf(row(d, queued, "cancelled")));
            assertThat(cancelledText).contains("取消 Cancelled");
            assertThat(jobs.find(queued).orElseThrow().state()).isEqualTo(JobState.CANCELLED);

            jobs.cancel(running);
            wait.until(d -> row(d, running, "cancelled") != null);
            Thread.sleep(SETTLE_MILLIS);
            // A change that announces itself to no one stays unseen: the page follows events and does not poll.
            jdbc.update("update job set message = '黙って変えた' where id = ?", done);
            Thread.sleep(LONGER_THAN_A_POLL_MILLIS);
            assertThat(textOf(row(browser, done, "done"))).doesNotContain("黙って変えた");
            assertThat(updates(browser)).isEqualTo("live");
        }
    }

    @Test
    void aResidentSignedInByEmailFollowsTheirOwnJobsLive() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(360, 780)) {
            chromium.signIn(port, RESIDENT, RESIDENT_PASSWORD);
            ChromeDriver browser = chromium.driver();
            browser.get("http://localhost:" + port + "/jobs");
            WebDriverWait wait = waitFor(browser);

            String doneText = wait.until(d -> textOf(row(d, residents, "done")));
            assertThat(doneText).contains("result.txt", "完了 Done");
            assertThat(jobIds(browser)).containsExactly(Long.toString(residents));
            wait.until(d -> "live".equals(updates(d)));
            assertThat(browser.findElement(By.id("jobs-updates")).getText()).contains("ライブ更新");
            chromium.screenshot("my-jobs-resident-phone.png");
        }
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToSignIn() throws Exception {
        SignInBrowser visitor = new SignInBrowser(port);

        HttpResponse<String> page = visitor.send(visitor.request("/jobs").header("Accept", "text/html"));

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
