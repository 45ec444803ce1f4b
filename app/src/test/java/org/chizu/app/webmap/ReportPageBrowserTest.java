package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.testing.TestMailServer;
import org.chizu.reports.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import jakarta.mail.internet.MimeMessage;

/**
 * A resident files a report with a photo on /report in a real headless Chromium (phone size); a
 * staff member signs in, accepts it on /staff/reports and sets it in progress with a note; the
 * resident's e-mails (the receipt with its follow link, then the update) arrive at a real SMTP
 * server (GreenMail). Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPageBrowserTest {

    /** Zoom 18 with the pin 20 m north of municipal road M-101 (report-town.sql). */
    static final String BY_THE_MUNICIPAL_ROAD = "/report#map=18/34.67138/131.84300";

    @RegisterExtension
    static final TestMailServer MAIL = TestMailServer.started();

    @DynamicPropertySource
    static void databaseAndMail(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        MAIL.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StaffAccounts accounts;

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;
    String staffPassword;

    @BeforeAll
    void loadTheTownAndStartChromium() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        staffPassword = accounts.create("road-officer", "道路 太郎", Role.STAFF).password();
        chromium = new HeadlessChromium(412, 860);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        chromium.blockGsiTiles();
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @Test
    void aResidentFilesAReportWithAPhotoAndStaffTriageItAndTheResidentIsEmailed() throws Exception {
        Path photo = Files.createTempFile("pothole-", ".jpg");
        Files.write(photo, TestPhotos.jpegWithGps(800, 600, 131.8430, 34.67138, 1));

        browser.get("http://localhost:" + port + BY_THE_MUNICIPAL_ROAD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        browser.findElement(By.id("map")).click();
        new Select(browser.findElement(By.id("category"))).selectByValue("pothole");
        browser.findElement(By.id("description")).sendKeys("歩道の手前に深い穴があります");
        browser.findElement(By.id("photos")).sendKeys(photo.toString());
        browser.findElement(By.cssSelector("#report-form details summary")).click();
        browser.findElement(By.id("email")).sendKeys("hanako@example.jp");
        browser.findElement(By.id("submit-button")).click();

        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        assertThat(receipt.getText()).contains("受け付けました", "担当：建設部 道路河川課", "道路：高津線（路線番号 M-101）");
        chromium.screenshot("report-received-phone.png");
        long id = Long.parseLong(receipt.getAttribute("data-report"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from report_photo where report_id = ?", Integer.class, id)).isOne();
        assertThat(jdbc.queryForObject("select reporter_email from report where id = ?", String.class, id)).isEqualTo("hanako@example.jp");
        // The e-mailed receipt carries the same private follow link as the page's receipt.
        String followLink = browser.findElement(By.id("follow-link")).getAttribute("href");
        MimeMessage receiptMail = MAIL.awaitFirstTo("hanako@example.jp");
        assertThat(receiptMail.getSubject()).contains("受け付けました", "received");
        assertThat(TestMailServer.textOf(receiptMail)).contains(followLink);

        signInAsStaff();
        browser.get("http://localhost:" + port + "/staff/reports");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        WebElement row = browser.findElement(By.cssSelector("tr[data-report='" + id + "']"));
        assertThat(row.getText()).contains("歩道の手前に深い穴があります", "hanako@example.jp", "建設部 道路河川課 (M-101)");
        row.findElement(By.cssSelector("button.accept")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-status"), "#" + id + " 公開"));

        WebElement accepted = wait.until(d -> d.findElement(By.cssSelector("tr[data-report='" + id + "']")));
        new Select(accepted.findElement(By.cssSelector("select.status-select"))).selectByValue("in_progress");
        accepted.findElement(By.cssSelector("textarea.staff-note")).sendKeys("明日補修します。");
        accepted.findElement(By.cssSelector("button.save-status")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-status"), "#" + id + " 更新しました"));
        chromium.screenshot("staff-triage.png");

        assertThat(jdbc.queryForObject("select status from public_reports where id = ?", String.class, id)).isEqualTo("in_progress");
        MimeMessage mail = MAIL.awaitTo("hanako@example.jp", 2).get(1);
        assertThat(mail.getSubject()).contains("対応中");
        assertThat(TestMailServer.textOf(mail)).contains("明日補修します。");
    }

    private void signInAsStaff() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("road-officer");
        browser.findElement(By.id("password")).sendKeys(staffPassword);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
