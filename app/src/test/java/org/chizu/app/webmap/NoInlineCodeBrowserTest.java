package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every page works under the Content-Security-Policy that forbids inline script and style: a real
 * Chromium opens each one, public and staff, and its console reports no refused script, style or
 * resource. (GSI's tiles are blocked, as they are unreachable here; that is no policy violation.)
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoInlineCodeBrowserTest {

    private static final List<String> PUBLIC_PAGES = List.of("/", "/report", "/report/follow/00000000-0000-4000-8000-000000000000", "/datasets", "/datasets/roads", "/login",
            "/register", "/password-reset", "/ogc?f=html", "/ogc/conformance?f=html", "/ogc/collections?f=html", "/ogc/collections/roads?f=html",
            "/ogc/collections/roads/items?f=html", "/ogc/collections/roads/queryables?f=html",
            "/ogc/api.html", "/ogc/tileMatrixSets/WebMercatorQuad?f=html", "/ogc/collections/roads/tiles/WebMercatorQuad?f=html",
            "/sparql", "/alerts", "/forestry", "/forestry/jobs");
    private static final List<String> STAFF_PAGES = List.of("/jobs", "/staff/jobs", "/staff/events", "/staff/reports", "/staff/reports/sheet", "/staff/reports/statistics",
            "/staff/organisations", "/staff/towns", "/staff/forestry", "/staff/forestry/kpis");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Test
    void noPageNeedsInlineScriptOrStyle() throws Exception {
        String password = accounts.create("mori", Role.STAFF).password();
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 900)) {
            chromium.blockGsiTiles();
            ChromeDriver browser = chromium.driver();
            for (String page : PUBLIC_PAGES) {
                open(browser, page);
                assertThat(chromium.contentSecurityViolations()).as(page).isEmpty();
            }
            chromium.signIn(port, "mori", password);
            for (String page : STAFF_PAGES) {
                open(browser, page);
                assertThat(chromium.contentSecurityViolations()).as(page).isEmpty();
            }
        }
    }

    @Test
    void theRegistrationPageStillSwitchesToTheGroupFieldsFromItsScriptFile() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            ChromeDriver browser = chromium.driver();
            open(browser, "/register");
            assertThat(browser.findElement(By.id("groupName")).isDisplayed()).isFalse();

            browser.findElement(By.cssSelector("input[name=kind][value=group]")).click();

            assertThat(browser.findElement(By.id("groupName")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("main")).getCssValue("max-width")).as("the page's style file applies")
                    .isEqualTo("416px");
            chromium.screenshot("register-group-csp-phone.png");
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    void anInjectedEventHandlerIsRefusedAndReported() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 900)) {
            ChromeDriver browser = chromium.driver();
            open(browser, "/login");
            browser.executeScript("""
                    const b = document.createElement('button'); b.id = 'injected';
                    b.setAttribute('onclick', "document.title = 'pwned'"); b.textContent = 'x';
                    document.body.append(b);""");
            browser.findElement(By.id("injected")).click();

            assertThat(browser.getTitle()).doesNotContain("pwned");
            assertThat(chromium.contentSecurityViolations()).isNotEmpty();
        }
    }

    /** Opens a page and gives its scripts a moment to fetch and draw what they load after it. */
    private void open(ChromeDriver browser, String page) throws InterruptedException {
        browser.get("http://localhost:" + port + page);
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> "complete".equals(((ChromeDriver) driver).executeScript("return document.readyState")));
        Thread.sleep(1000);
    }
}
