package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.forestry.testing.SharedLidar;
import org.chizu.platform.testing.TestDatabase;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff add a real laser tile on /staff/forestry with GSI's tiles unreachable: a file without a
 * coordinate system is refused with the server's reason until its zone is given, then its ingest job's
 * result is shown; the same file again is said to be archived already. Desktop in Japanese, phone in
 * English; screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.jobs.workers.poll-interval=200ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffTileUploadBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("tile-upload-archive")::toString);
        registry.add("chizu.jobs.directory", Files.createTempDirectory("tile-upload-jobs")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;

    String staffPassword;

    @BeforeAll
    void aStaffMember() {
        staffPassword = staff.create("suzuki", "鈴木 花子", Role.STAFF).password();
    }

    @Test
    void staffAddATileAndSeeItsIngestJobsResult() throws Exception {
        try (HeadlessChromium town = new HeadlessChromium(1440, 900)) {
            town.blockGsiTiles();
            ChromeDriver browser = town.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            town.signIn(port, "suzuki", staffPassword);
            browser.get("http://localhost:" + port + "/staff/forestry");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));

            browser.findElement(By.id("upload-file")).sendKeys(SharedLidar.file("vegetation_1_3.las").toString());
            browser.findElement(By.id("upload-survey")).sendKeys("植生試験");
            browser.findElement(By.id("upload-body")).sendKeys("安来市");
            browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("upload-status")).getText().contains("取り込めませんでした"));
            assertThat(browser.findElement(By.id("upload-status")).getText()).contains("vegetation_1_3.las", "zone");

            browser.findElement(By.id("upload-zone")).sendKeys("III");
            browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("upload-status")).getText().contains("10,683 点"));
            assertThat(browser.findElement(By.id("upload-status")).getText()).contains("EPSG:6671", "成果品 6 件");
            town.screenshot("staff-forestry-upload-desktop-ja.png");
            assertThat(town.seriousAccessibilityViolations()).isEmpty();

            town.resize(390, 844);
            browser.findElement(By.id("language-button")).click();
            browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("upload-status")).getText().contains("already archived"));
            browser.executeScript("document.getElementById('upload-status').scrollIntoView()");
            town.screenshot("staff-forestry-upload-phone-en.png");
            assertThat(browser.executeScript("const main = document.querySelector('main'); return main.scrollWidth <= main.clientWidth"))
                    .as("nothing sticks out sideways on a phone").isEqualTo(true);
            assertThat(town.scriptErrors()).isEmpty();
            assertThat(town.contentSecurityViolations()).isEmpty();
        }
    }
}
