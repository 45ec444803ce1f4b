package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.WebMapBrowserTest.Screen;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.reports.Moderation;
import org.chizu.reports.ReportStatus;
import org.chizu.reports.ReportTriage;
import org.chizu.reports.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The resident's report page (/report) and the private follow page, as a resident uses them on a
 * phone and a desktop with GSI's tiles unreachable. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentReportBrowserTest {

    /** Zoom 18 with the map centre 20 m north of municipal road M-101 (report-town.sql). */
    static final String BY_THE_MUNICIPAL_ROAD = "/report#map=18/34.67138/131.84300";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReportTriage triage;

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;
    JdbcTemplate jdbc;

    @BeforeAll
    void loadTheTownAndStartChromium() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        jdbc = new JdbcTemplate(dataSource);
        chromium = new HeadlessChromium(Screen.PHONE.width, Screen.PHONE.height);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(chromium.scriptErrors()).isEmpty();
        assertThat(chromium.contentSecurityViolations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theMapShowsChizusOwnRoadsAndBoundariesAndLinksToThePublicMap(Screen screen) throws IOException {
        open(screen, BY_THE_MUNICIPAL_ROAD);

        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-chizu-background-pane path")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-chizu-land-pane path")).isEmpty());
        assertThat(browser.findElement(By.id("map")).getAttribute("class")).contains("chizu-own");
        chromium.screenshot(screen.file("report-own-background"));

        browser.findElement(By.id("map-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/");
        browser.findElement(By.id("report-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.report-page[data-ready='true']")));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/report");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theMapsReportLinkOpensTheReportPageWhereTheResidentWasLooking(Screen screen) throws IOException {
        open(screen, "/#map=16/34.68000/131.85000");
        // The resident moves the map (here through the address, as a shared link would) to the road.
        browser.executeScript("window.location.hash = 'map=18/34.67138/131.84300'");
        wait.until(d -> d.findElement(By.id("report-link")).getAttribute("href").endsWith("/report#map=18/34.67138/131.84300"));

        browser.findElement(By.id("report-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.report-page[data-ready='true']")));
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-chizu-background-pane path")).isEmpty());
        chromium.screenshot(screen.file("report-opened-from-map"));
        tapTheMap();
        new Select(browser.findElement(By.id("category"))).selectByValue("guardrail");
        browser.findElement(By.id("description")).sendKeys("ガードレールが曲がっています");
        browser.findElement(By.id("submit-button")).click();

        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        long id = Long.parseLong(receipt.getAttribute("data-report"));
        // Filed at the place the map showed, not at the town centre the page opens on by itself (400 m off).
        assertThat(jdbc.queryForObject("""
                select st_distance(geom::geography, st_setsrid(st_makepoint(131.84300, 34.67138), 6668)::geography)
                from report where id = ?""", Double.class, id)).isLessThan(30);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void anUntouchedMapIsNotFiledUntilTheResidentTapsThePlace(Screen screen) throws IOException {
        open(screen, BY_THE_MUNICIPAL_ROAD);
        int before = reports();
        new Select(browser.findElement(By.id("category"))).selectByValue("guardrail");
        browser.findElement(By.id("description")).sendKeys("ガードレールが曲がっています");

        browser.findElement(By.id("submit-button")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(error.getText()).contains("場所がまだ指定されていません", "地図をタップ");
        assertThat(browser.findElement(By.cssSelector(".report-map")).getAttribute("class")).contains("needs-pin");
        assertThat(browser.findElement(By.id("pin")).isDisplayed()).isFalse();
        chromium.screenshot(screen.file("report-pin-missing"));
        assertThat(reports()).isEqualTo(before);

        tapTheMap();
        assertThat(browser.findElement(By.id("pin")).isDisplayed()).isTrue();
        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        assertThat(reports()).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void myLocationSaysItIsLookingWhereItFoundTheResidentOrThatItWasRefused(Screen screen) throws IOException {
        open(screen, BY_THE_MUNICIPAL_ROAD);
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation"),
                "origin", "http://localhost:" + port));
        browser.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 34.67125, "longitude", 131.8425, "accuracy", 12));

        browser.findElement(By.id("locate-button")).click();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("locate-status")));
        wait.until(d -> "found".equals(status.getAttribute("data-state")));
        assertThat(status.getText()).contains("現在地に印を置きました", "約12 m");
        assertThat(browser.findElement(By.id("pin")).isDisplayed()).isTrue();
        chromium.screenshot(screen.file("report-location-found"));

        browser.executeCdpCommand("Browser.setPermission", Map.of(
                "permission", Map.of("name", "geolocation"), "setting", "denied", "origin", "http://localhost:" + port));
        open(screen, BY_THE_MUNICIPAL_ROAD);
        browser.findElement(By.id("locate-button")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("locate-status")));
        wait.until(d -> "refused".equals(refused.getAttribute("data-state")));
        assertThat(refused.getText()).contains("位置情報の利用が許可されていません");
        assertThat(browser.findElement(By.id("pin")).isDisplayed()).isFalse();
        chromium.screenshot(screen.file("report-location-refused"));
        browser.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
        browser.executeCdpCommand("Browser.resetPermissions", Map.of());
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theCategorysOwnQuestionsAreAskedRequiredOnesEnforcedAndTheAnswersSent(Screen screen) throws IOException {
        jdbc.update("update report_category_attribute set required = true where category = 'pothole' and code = 'SIZE'");
        try {
            open(screen, BY_THE_MUNICIPAL_ROAD);
            tapTheMap();
            new Select(browser.findElement(By.id("category"))).selectByValue("pothole");
            WebElement size = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attribute-SIZE")));
            assertThat(browser.findElement(By.cssSelector("label[for='attribute-SIZE']")).getText()).isEqualTo("穴の大きさ（必須）");
            browser.findElement(By.id("description")).sendKeys("車道に穴があります");

            browser.findElement(By.id("submit-button")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText())
                    .isEqualTo("「穴の大きさ」に答えてください。");
            chromium.screenshot(screen.file("report-question-required"));

            new Select(size).selectByVisibleText("タイヤがはまるほど");
            browser.findElement(By.id("submit-button")).click();
            WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
            long id = Long.parseLong(receipt.getAttribute("data-report"));
            assertThat(jdbc.queryForObject("select attributes->'SIZE'->>0 from report where id = ?", String.class, id))
                    .isEqualTo("medium");
        } finally {
            jdbc.update("update report_category_attribute set required = false where category = 'pothole' and code = 'SIZE'");
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aPhotoTooLargeOrNotAPhotoIsRefusedBeforeAnythingIsSent(Screen screen) throws IOException {
        Path large = Files.createTempFile("large-", ".jpg");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(30L * 1024 * 1024);
        }
        Path gif = Files.createTempFile("drawing-", ".gif");
        Files.write(gif, new byte[] {'G', 'I', 'F', '8', '9', 'a'});
        open(screen, BY_THE_MUNICIPAL_ROAD);
        tapTheMap();
        int before = reports();
        new Select(browser.findElement(By.id("category"))).selectByValue("street_light");
        browser.findElement(By.id("description")).sendKeys("街灯が消えています");

        browser.findElement(By.id("photos")).sendKeys(large.toString());
        WebElement photoError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("photos-error")));
        assertThat(photoError.getText()).contains(large.getFileName().toString(), "30.0 MB", "10 MB まで");
        chromium.screenshot(screen.file("report-photo-too-large"));
        browser.findElement(By.id("submit-button")).click();
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("10 MB まで");

        browser.findElement(By.id("photos")).clear();
        browser.findElement(By.id("photos")).sendKeys(gif.toString());
        assertThat(photoError.getText()).contains("JPEGかPNGの写真ではありません");
        browser.findElement(By.id("submit-button")).click();
        assertThat(reports()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theReceiptsPrivateLinkFollowsTheReportWithItsStatusNotesAndHistoryInTheResidentsLanguage(Screen screen)
            throws IOException {
        Path photo = Files.createTempFile("pothole-", ".jpg");
        Files.write(photo, TestPhotos.jpegWithGps(800, 600, 131.8430, 34.67138, 1));
        open(screen, BY_THE_MUNICIPAL_ROAD);
        tapTheMap();
        new Select(browser.findElement(By.id("category"))).selectByValue("pothole");
        browser.findElement(By.id("description")).sendKeys("歩道の手前に深い穴があります");
        browser.findElement(By.id("photos")).sendKeys(photo.toString());
        browser.findElement(By.id("submit-button")).click();

        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        assertThat(receipt.getText()).contains("受付番号", "道路：高津線（路線番号 M-101）", "まだ公開されていません",
                "この通報の対応状況を見る");
        chromium.screenshot(screen.file("report-receipt"));
        long id = Long.parseLong(receipt.getAttribute("data-report"));
        String followLink = browser.findElement(By.id("follow-link")).getAttribute("href");
        assertThat(followLink).matches("http://localhost:\\d+/report/follow/[0-9a-f-]{36}");

        browser.findElement(By.id("follow-link")).click();
        WebElement follow = waitForFollowPage();
        assertThat(follow.getText()).contains("通報 " + id + "（道路の穴・陥没）", "審査中", "受付", "高津線（路線番号 M-101）");
        assertThat(chromium.seriousAccessibilityViolations()).as("follow page, under review").isEmpty();
        // The resident sees their own photo before the report is public, which the public cannot.
        WebElement thumbnail = follow.findElement(By.cssSelector(".follow-photos img"));
        wait.until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth", thumbnail)).intValue() > 0);
        assertThat(thumbnail.getAttribute("alt")).isEqualTo("写真 1（拡大）");
        HttpResponse<Void> ownPhoto = fetch(thumbnail.getAttribute("src"));
        assertThat(ownPhoto.statusCode()).isEqualTo(200);
        assertThat(ownPhoto.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("private").doesNotContain("public"));
        assertThat(fetch(thumbnail.findElement(By.xpath("..")).getAttribute("href")).statusCode()).isEqualTo(200);
        assertThat(fetch("http://localhost:" + port + "/api/reports/" + id + "/photos/1").statusCode()).isEqualTo(404);

        triage.moderate(id, Moderation.ACCEPTED);
        triage.changeStatus(id, ReportStatus.IN_PROGRESS, "明日補修します。", "道路 太郎");
        browser.navigate().refresh();
        follow = waitForFollowPage();
        assertThat(follow.getText()).contains("公開中", "対応中", "職員からのお知らせ：明日補修します。");
        assertThat(follow.getText()).doesNotContain("道路 太郎");
        chromium.screenshot(screen.file("report-follow-ja"));

        browser.findElement(By.id("language-button")).click();
        assertThat(browser.findElement(By.id("follow")).getText())
                .contains("Report " + id + " (Pothole)", "Public: it is shown on the map.", "In progress",
                        "Note from staff：明日補修します。", "Received");
        chromium.screenshot(screen.file("report-follow-en"));
        browser.findElement(By.id("language-button")).click();

        browser.get("http://localhost:" + port + "/report/follow/00000000-0000-4000-8000-000000000000");
        assertThat(waitForFollowPage().getText()).contains("このリンクの通報は見つかりません");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void axeFindsNoSeriousOrCriticalViolationsOnTheReportPage(Screen screen) throws IOException {
        open(screen, BY_THE_MUNICIPAL_ROAD);
        new Select(browser.findElement(By.id("category"))).selectByValue("pothole");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attribute-SIZE")));
        assertThat(chromium.seriousAccessibilityViolations()).as("with a category's questions").isEmpty();

        browser.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(chromium.seriousAccessibilityViolations()).as("with the pin asked for").isEmpty();
    }

    // --- Helpers -----------------------------------------------------------------------------

    /** Opens a page at a size, in Japanese, with a fresh visit's storage, GSI unreachable. */
    private void open(Screen screen, String path) {
        chromium.resize(screen.width, screen.height);
        chromium.blockGsiTiles();
        browser.get("http://localhost:" + port + "/webmap/map.css");
        browser.executeScript("localStorage.clear(); sessionStorage.clear()");
        browser.get("about:blank");
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    /** Taps the map a little off its centre, where no report dot is. */
    private void tapTheMap() {
        new Actions(browser)
                .moveToElement(browser.findElement(By.id("map")), 10, 10).click().perform();
        wait.until(d -> d.findElement(By.id("pin")).isDisplayed());
    }

    private static HttpResponse<Void> fetch(String url) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WebElement waitForFollowPage() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        return wait.until(d -> {
            WebElement follow = d.findElement(By.id("follow"));
            return follow.getText().contains("読み込んでいます") ? null : follow;
        });
    }

    private int reports() {
        return jdbc.queryForObject("select count(*) from report", Integer.class);
    }
}
