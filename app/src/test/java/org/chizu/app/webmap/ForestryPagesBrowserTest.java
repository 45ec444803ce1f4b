package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.app.forestry.ApprovedFirm;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A forestry firm and the town's staff on the forestry pages, as people use them, with GSI's tiles
 * unreachable: the firm (on a phone, in Japanese) taps a sub-compartment on the CS relief map to read its
 * figures and pick it, is told from the server to accept the terms, accepts them and applies; on a
 * desktop, in English, it draws a second area by tapping corners and placing the map's centre. Staff
 * approve the first with the surveying body's reference (refused without one) and refuse the second
 * with a reason; the firm sees both decisions; staff read the KPI as a chart and as CSV.
 * A visitor first sees the surveyed forest in CS relief and who must approve its use.
 * Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForestryPagesBrowserTest {

    private static final String PASSWORD = ApprovedFirm.PASSWORD;
    private static final String FIRM = "yamada@example.jp";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("forestry-application-archive")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    StaffAccounts staff;

    String staffPassword;
    long survey;

    /** 山田林業 is an approved organisation administered by the resident yamada. */
    @BeforeAll
    void anApprovedFirm() {
        ApprovedFirm.of(context, FIRM, "山田林業株式会社");
        staffPassword = staff.create("tanaka", "田中 一郎", Role.STAFF).password();
        survey = jdbc.queryForObject("select survey_id from laser_product where kind = 'chm' order by survey_id limit 1", Long.class);
    }

    @Test
    void aVisitorSeesTheSurveyedForestInCsReliefAndWhoMustApproveItsUseAndDownloadsItsFiguresAsCsv() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(390, 844)) {
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            chromium.blockGsiTiles();
            browser.get(url("/forestry"));
            awaitReady(browser, wait);

            WebElement survey = browser.findElement(By.cssSelector(".survey-card"));
            assertThat(survey.getText()).contains("サンプル航空レーザ計測（生成データ）", "安来市（サンプル）", "CS立体図", "承認");
            assertThat(browser.findElement(By.id("apply")).getText()).contains("ログインして申請する");
            wait.until(d -> reliefTilesDrawn(browser) > 0);
            chromium.screenshot("forestry-phone-ja.png");
            downloadsTheFiguresPerSubcompartment(chromium, wait, "phone");

            browser.findElement(By.cssSelector("label.relief-toggle")).click();
            wait.until(d -> reliefTilesDrawn(browser) == 0);
            browser.findElement(By.cssSelector("label.relief-toggle")).click();
            wait.until(d -> reliefTilesDrawn(browser) > 0);

            browser.findElement(By.id("language-button")).click();
            wait.until(d -> d.findElement(By.cssSelector(".survey-card")).getText().contains("Surveying body"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Airborne laser survey of the forests");
            chromium.screenshot("forestry-phone-en.png");
            WebElement figures = browser.findElement(By.cssSelector(".figures-download a"));
            assertThat(figures.getText()).isEqualTo("Figures per sub-compartment (CSV)");
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", figures);
            chromium.screenshot("forestry-figures-csv-phone-en.png");
            browser.findElement(By.id("language-button")).click();
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();

            chromium.resize(1440, 900);
            browser.navigate().refresh();
            awaitReady(browser, wait);
            wait.until(d -> reliefTilesDrawn(browser) > 0);
            chromium.screenshot("forestry-desktop-ja.png");
            downloadsTheFiguresPerSubcompartment(chromium, wait, "desktop");
            assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
            assertThat(chromium.scriptErrors()).isEmpty();
            assertThat(chromium.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    void aFirmPicksAndDrawsAreasAcceptsTheTermsAndAppliesStaffDecideAndTheKpiCountsTheDownload() throws Exception {
        try (HeadlessChromium firm = new HeadlessChromium(390, 844); HeadlessChromium town = new HeadlessChromium(1440, 900)) {
            firm.blockGsiTiles();
            town.blockGsiTiles();
            ChromeDriver browser = firm.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

            browser.get(url("/forestry/apply"));
            wait.until(d -> d.getCurrentUrl().contains("/login"));
            browser.findElement(By.id("username")).sendKeys(FIRM);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().contains("/forestry/apply"));
            awaitReady(browser, wait);
            wait.until(d -> reliefTilesDrawn(browser) > 0);

            // A tap in the middle of the map: the survey lies over the town's largest スギ sub-compartment.
            WebElement map = browser.findElement(By.id("coverage-map"));
            new Actions(browser).moveToElement(map).click().perform();
            WebElement stand = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stand")));
            wait.until(d -> stand.getText().contains("立木本数"));
            assertThat(stand.getText()).contains("上層樹高", "材積（推定値）", "推定値", "サンプル航空レーザ計測（生成データ）");
            assertThat(browser.findElement(By.cssSelector(".chosen-count")).getText()).isEqualTo("1 小班を選択中");
            firm.screenshot("forestry-stand-phone-ja.png");

            browser.findElement(By.cssSelector("label[for=product-chm]")).click();
            browser.findElement(By.cssSelector("label[for=product-tree_points]")).click();
            browser.findElement(By.id("purpose")).sendKeys("間伐計画と作業道の路線選定");
            browser.findElement(By.cssSelector(".apply-form button[type=submit]")).click();
            WebElement message = browser.findElement(By.cssSelector(".apply-form .form-message"));
            wait.until(d -> message.getText().contains("利用規約"));
            assertThat(message.getAttribute("class")).contains("error");
            assertThat(browser.findElement(By.id("terms-field")).getAttribute("aria-invalid")).isEqualTo("true");
            firm.screenshot("forestry-apply-phone-ja-terms.png");

            browser.findElement(By.id("accept-terms")).click();
            browser.findElement(By.cssSelector(".apply-form button[type=submit]")).click();
            wait.until(d -> message.getText().contains("申請しました"));
            wait.until(d -> d.findElements(By.cssSelector("#mine .application.status-pending")).size() == 1);
            assertThat(browser.findElement(By.cssSelector("#mine .application")).getText()).contains("審査中", "山田林業株式会社", "小班 1 件");
            firm.screenshot("forestry-apply-phone-ja.png");
            assertThat(firm.seriousAccessibilityViolations()).isEmpty();
            assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing sticks out sideways on a phone").isEqualTo(true);

            firm.resize(1440, 900);
            browser.findElement(By.id("language-button")).click();
            browser.navigate().refresh();
            awaitReady(browser, wait);
            assertThat(browser.findElement(By.id("apply-heading")).getText()).isEqualTo("Apply to use the data");
            browser.findElement(By.cssSelector("input[name=area-mode][value=draw]")).click();
            WebElement desktopMap = browser.findElement(By.id("coverage-map"));
            for (int[] corner : List.of(new int[] {-80, -60}, new int[] {80, -60}, new int[] {80, 60})) {
                new Actions(browser).moveToElement(desktopMap, corner[0], corner[1]).click().perform();
            }
            WebElement addCentre = browser.findElement(By.xpath("//button[contains(., 'Add the centre')]"));
            addCentre.click();
            assertThat(browser.findElement(By.cssSelector(".draw-panel .chosen-count")).getText()).isEqualTo("4 points");
            browser.findElement(By.cssSelector("label[for=product-point_cloud]")).click();
            browser.findElement(By.id("purpose")).sendKeys("Planning a forest road");
            browser.findElement(By.id("accept-terms")).click();
            browser.executeScript("arguments[0].scrollIntoView()", desktopMap);
            firm.screenshot("forestry-apply-desktop-en-draw.png");
            browser.findElement(By.cssSelector(".apply-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.cssSelector(".apply-form .form-message")).getText().startsWith("Applied"));
            wait.until(d -> d.findElements(By.cssSelector("#mine .application")).size() == 2);
            assertThat(browser.findElement(By.cssSelector("#mine .application")).getText()).contains("Pending", "Drawn area", "Point cloud (LAS)");
            firm.screenshot("forestry-apply-desktop-en.png");
            assertThat(firm.seriousAccessibilityViolations()).isEmpty();

            ChromeDriver staffBrowser = town.driver();
            WebDriverWait staffWait = new WebDriverWait(staffBrowser, Duration.ofSeconds(60));
            town.signIn(port, "tanaka", staffPassword);
            staffBrowser.get(url("/staff/forestry"));
            awaitReady(staffBrowser, staffWait);
            List<WebElement> queue = staffBrowser.findElements(By.cssSelector("#queue .application"));
            assertThat(queue).hasSize(2);
            assertThat(queue.get(0).getText()).contains("山田林業株式会社", "審査中");
            queue.get(0).findElement(By.tagName("button")).click();
            staffWait.until(d -> d.findElement(By.id("detail")).getText().contains("間伐計画と作業道の路線選定"));
            assertThat(staffBrowser.findElement(By.id("detail")).getText()).contains("樹冠高モデル（CHM）", "小班 1 件");
            staffBrowser.findElement(By.id("approve")).click();
            WebElement refused = staffWait.until(d -> d.findElement(By.cssSelector(".decision .form-message")));
            staffWait.until(d -> refused.getText().contains("承認番号"));
            assertThat(staffBrowser.findElement(By.id("survey-approval")).getAttribute("aria-invalid")).isEqualTo("true");
            staffWait.until(d -> reliefTilesDrawn(staffBrowser) > 0);
            town.screenshot("staff-forestry-desktop-ja.png");
            staffBrowser.findElement(By.id("survey-approval")).sendKeys("国地達第 123 号");
            staffBrowser.findElement(By.id("approve")).click();
            staffWait.until(d -> d.findElement(By.id("detail")).getText().contains("申請 1 を「承認」にしました。"));
            staffWait.until(d -> d.findElements(By.cssSelector("#queue .application")).size() == 1);
            staffBrowser.findElement(By.cssSelector("#queue .application button")).click();
            staffWait.until(d -> d.findElement(By.id("detail")).getText().contains("Planning a forest road"));
            staffBrowser.findElement(By.id("reason")).sendKeys("点群は計測範囲外の区域を含むため");
            staffBrowser.findElement(By.id("refuse")).click();
            staffWait.until(d -> d.findElement(By.id("detail")).getText().contains("不承認"));
            staffWait.until(d -> d.findElement(By.id("queue")).getText().contains("該当する申請はありません"));
            assertThat(town.seriousAccessibilityViolations()).isEmpty();
            assertThat(jdbc.queryForList("select action from audit_log where action = 'forestry.decide'", String.class)).hasSize(2);

            browser.navigate().refresh();
            awaitReady(browser, wait);
            wait.until(d -> d.findElements(By.cssSelector("#mine .application.status-approved")).size() == 1);
            assertThat(browser.findElement(By.cssSelector("#mine .status-approved")).getText()).contains("Approved", "国地達第 123 号");
            assertThat(browser.findElement(By.cssSelector("#mine .status-approved a[href='/forestry/jobs']")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("#mine .status-refused")).getText()).contains("Refused", "点群は計測範囲外");
            browser.findElement(By.cssSelector("#mine .status-approved .link-button")).click();
            firm.screenshot("forestry-decided-desktop-en.png");

            SignInBrowser yamada = new SignInBrowser(port);
            yamada.signIn(FIRM, PASSWORD);
            assertThat(yamada.get("/api/forestry/surveys/" + survey + "/products/chm.tif").statusCode()).isEqualTo(200);
            jdbc.update("""
                    insert into forestry_download (application_id, organisation_id, account_id, survey_id, product, byte_size, downloaded_at)
                    select id, organisation_id, applied_by, ?, 'chm', 5000000, now() - interval '2 months' from forestry_application
                    where status = 'approved'""", survey);
            staffBrowser.get(url("/staff/forestry/kpis"));
            awaitReady(staffBrowser, staffWait);
            assertThat(staffBrowser.findElement(By.cssSelector("[data-kpi=organisationsUsing] dd")).getText()).isEqualTo("1");
            assertThat(staffBrowser.findElement(By.cssSelector("[data-kpi=downloads] dd")).getText()).isEqualTo("2");
            assertThat(staffBrowser.findElements(By.cssSelector("svg.kpi-chart g[data-month]"))).hasSize(12);
            assertThat(staffBrowser.findElements(By.cssSelector(".kpi-table tbody tr"))).hasSize(2);
            town.screenshot("staff-forestry-kpis-desktop-ja.png");
            // The bytes as sent: a text() read would drop the byte order mark Excel needs.
            String csv = (String) staffBrowser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/staff/api/forestry/kpis.csv').then((r) => r.arrayBuffer())
                      .then((b) => done([...new Uint8Array(b).slice(0, 3)].join(' ') + '|' + new TextDecoder().decode(b)));""");
            assertThat(csv).startsWith("239 187 191|month,downloads,organisations,bytes");
            assertThat(csv.lines()).hasSize(3);
            assertThat(town.seriousAccessibilityViolations()).isEmpty();
            town.resize(390, 844);
            staffBrowser.findElement(By.id("language-button")).click();
            town.screenshot("staff-forestry-kpis-phone-en.png");
            assertThat(staffBrowser.executeScript("const main = document.querySelector('main'); return main.scrollWidth <= main.clientWidth"))
                    .as("nothing sticks out sideways on a phone").isEqualTo(true);
            staffBrowser.get(url("/staff/forestry"));
            awaitReady(staffBrowser, staffWait);
            new Select(staffBrowser.findElement(By.id("status-filter"))).selectByValue("");
            staffWait.until(d -> d.findElements(By.cssSelector("#queue .application")).size() == 2);
            town.screenshot("staff-forestry-phone-en.png");

            for (HeadlessChromium chromium : List.of(firm, town)) {
                assertThat(chromium.scriptErrors()).isEmpty();
                assertThat(chromium.contentSecurityViolations()).isEmpty();
            }
        }
    }

    /** The survey card's link downloads its figures as the CSV named for the survey, one row per sub-compartment. */
    private void downloadsTheFiguresPerSubcompartment(HeadlessChromium chromium, WebDriverWait wait, String device) throws Exception {
        ChromeDriver browser = chromium.driver();
        Path downloads = Files.createTempDirectory("forestry-figures");
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        WebElement link = browser.findElement(By.cssSelector(".survey-card .figures-download a"));
        assertThat(link.getText()).isEqualTo("小班ごとの集計値（CSV）");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
        chromium.screenshot("forestry-figures-csv-" + device + "-ja.png");
        link.click();
        Path csv = downloads.resolve("forestry-survey-" + survey + "-compartments.csv");
        wait.until(d -> Files.isRegularFile(csv) && csv.toFile().length() > 0);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("\uFEFF小班ID / Sub-compartment id,林班 / Compartment")
                .contains("材積 推定値 (m³) / Volume, estimate (m³)");
        assertThat(lines).as("a header and a row per surveyed sub-compartment").hasSizeGreaterThan(1);
        browser.executeScript("window.scrollTo(0, 0)");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void awaitReady(ChromeDriver browser, WebDriverWait wait) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    /** CS relief tiles the map shows that gdal2tiles drew (256 px), not the empty 1 px ones outside the survey. */
    private static long reliefTilesDrawn(ChromeDriver browser) {
        Object drawn = browser.executeScript("""
                return [...document.querySelectorAll('img.leaflet-tile-loaded')]
                  .filter((img) => img.src.includes('/forestry/tiles/') && img.naturalWidth === 256).length;""");
        return ((Number) drawn).longValue();
    }
}
