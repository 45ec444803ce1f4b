package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A road department's day on /staff/reports with 5,000 reports, in a real headless Chromium on a
 * desktop (1440×900) and a phone (390×844), GSI tiles unreachable: the header, the map strip, paging
 * and search by number, assigning work, rejecting spam with a confirmation and undoing it, the CSV,
 * the work sheets and the monthly statistics, and axe-core's check. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffTriageBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;

    String password;
    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    /** 5,000 reports around Masuda (five-thousand-reports.sql; bench/staff-reports.sh times the list on them). */
    @BeforeAll
    void loadFiveThousandReports() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("five-thousand-reports.sql"));
        }
        // Announced as an import would, so the roads' generalised tables (the zooms of a town) are built.
        List.of("roads", "facilities").forEach(layer -> events.publishEvent(LayerDataChanged.wholeLayer(layer)));
        password = accounts.create("road-officer", "道路 太郎", Role.STAFF).password();
        accounts.create("crew-sato", "佐藤 班長", Role.STAFF);
    }

    void open(int width, int height) {
        chromium = new HeadlessChromium(width, height);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        chromium.blockGsiTiles();
        chromium.signIn(port, "road-officer", password);
        browser.get("http://localhost:" + port + "/staff/reports");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    @AfterEach
    void closeChromium() {
        chromium.close();
    }

    @Test
    void onADesktopStaffPageThroughFiveThousandReportsFindOneByNumberAssignItAndRejectSpamWithUndo() throws Exception {
        open(1440, 900);
        WebElement header = browser.findElement(By.id("staff-header"));
        wait.until(d -> header.getText().contains("道路 太郎"));
        assertThat(header.findElement(By.cssSelector("a[href='/staff/jobs']")).isDisplayed()).isTrue();
        assertThat(header.findElement(By.cssSelector("a[href='/staff/towns']")).isDisplayed()).isTrue();
        assertThat(header.findElement(By.cssSelector("a[href='/']")).isDisplayed()).isTrue();
        assertThat(header.findElement(By.id("sign-out")).getText()).isEqualTo("サインアウト");

        assertThat(browser.findElement(By.cssSelector("#pager .page-count")).getText()).isEqualTo("5000 件中 1–50 件");
        assertThat(browser.findElements(By.cssSelector("#staff-reports tr"))).hasSize(50);
        assertMarkersAreOnTheMap();
        assertTheMapDrawsChizusOwnRoads();
        chromium.screenshot("staff-triage-desktop.png");
        browser.findElement(By.cssSelector("#pager .next")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pager .page-count"), "5000 件中 51–100 件"));

        long id = new JdbcTemplate(dataSource).queryForObject(
                "select id from report where moderation = 'new' order by id limit 1 offset 1234", Long.class);
        browser.findElement(By.id("filter-number")).sendKeys("#" + id);
        browser.findElement(By.cssSelector(".number-search button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pager .page-count"), "1 件中 1–1 件"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-report='" + id + "']"));

        new Select(row.findElement(By.cssSelector("select.assignee-select"))).selectByValue("crew-sato");
        new Select(row.findElement(By.cssSelector("select.priority-select"))).selectByValue("high");
        browser.executeScript("arguments[0].value = '2026-12-24'", row.findElement(By.cssSelector("input.due-input")));
        row.findElement(By.cssSelector("button.save-work")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-status"), "#" + id + " 更新しました"));
        assertThat(new JdbcTemplate(dataSource).queryForMap("select assignee, priority, due_on::text as due from report where id = ?", id))
                .containsEntry("assignee", "crew-sato").containsEntry("priority", "high").containsEntry("due", "2026-12-24");

        browser.findElement(By.cssSelector("tr[data-report='" + id + "'] button.reject")).click();
        WebElement confirm = browser.findElement(By.cssSelector("tr[data-report='" + id + "'] .confirm"));
        assertThat(confirm.getText()).contains("#" + id + " をスパムとして却下しますか？");
        assertThat(moderationOf(id)).as("nothing happens before the confirmation").isEqualTo("new");
        chromium.screenshot("staff-triage-confirm-reject.png");
        confirm.findElement(By.cssSelector("button.confirm-reject")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-status"), "スパムとして却下しました"));
        assertThat(moderationOf(id)).isEqualTo("rejected");
        browser.findElement(By.cssSelector("#staff-status button.undo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-status"), "元に戻しました"));
        assertThat(moderationOf(id)).isEqualTo("new");
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "select action || ' ' || coalesce(details->>'decision', '-') from audit_log where target = ? order by id", String.class, "report " + id))
                .containsExactly("report.assign -", "report.moderate rejected", "report.moderate new");

        WebElement notes = keepAStaffNote(id, "#12 と同じ穴。業者に電話済み");
        assertThat(notes.getText()).contains("#12 と同じ穴。業者に電話済み", "道路 太郎", "職員だけが見るメモです");
        assertThat(notes.findElement(By.cssSelector(".staff-note-list time")).getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        chromium.screenshot("staff-triage-staff-note-desktop.png");
        assertThat(new JdbcTemplate(dataSource).queryForList("select action from audit_log where target = ? order by id",
                String.class, "report " + id)).endsWith("report.staff-note");

        browser.findElement(By.id("filter-number")).clear();
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("closed");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pager .page-count"), "500 件中 1–50 件"));
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
        assertThat(chromium.scriptErrors()).isEmpty();
        assertThat(chromium.contentSecurityViolations()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiAnswersAPageOfFiveThousandAndTheCsvIsForExcel() throws Exception {
        open(1440, 900);
        Map<String, Object> page = fetchJson("/staff/api/reports?page=100&size=50&sort=oldest");
        assertThat(page).containsEntry("total", 5000L).containsEntry("page", 100L);
        assertThat((List<?>) page.get("reports")).hasSize(50);
        Map<String, Object> filtered = fetchJson("/staff/api/reports?category=pothole&town=32204&moderation=accepted&size=200");
        assertThat(filtered.get("total")).isEqualTo(333L);

        assertThat(answer("GET", "/staff/api/reports?size=500", null)).startsWith("400 application/problem+json").contains("size");
        assertThat(answer("GET", "/staff/api/reports?from=2026-12-01&to=2026-11-01", null)).startsWith("400 application/problem+json").contains("from");
        assertThat(answer("GET", "/staff/api/reports?number=abc", null)).startsWith("400 application/problem+json").contains("number");
        assertThat(answer("PUT", "/staff/api/reports/1/work", "{\"assignee\":\"nobody-here\",\"priority\":\"high\"}"))
                .startsWith("400 application/problem+json").contains("nobody-here");
        assertThat(answer("PUT", "/staff/api/reports/1/work", "{\"priority\":\"urgent\"}")).startsWith("400 application/problem+json").contains("urgent");

        Map<String, Object> utf8 = fetchBytes("/staff/api/reports/export.csv?status=closed");
        assertThat((String) utf8.get("type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat((List<Object>) utf8.get("start")).containsExactly(0xEFL, 0xBBL, 0xBFL);
        assertThat((Long) utf8.get("lines")).isEqualTo(501L);
        // One header row, so Excel's filters and sorting take it; each column in Japanese with English beside.
        assertThat((String) utf8.get("header")).isEqualTo("番号 / Number,受付日時 / Received,種類 / Category,"
                + "対応状況 / Status,審査 / Review,優先度 / Priority,担当者 / Assignee,期限 / Due,担当部署 / Department,"
                + "路線番号 / Route no.,道路名 / Road,市町村コード / Municipality code,内容 / Description,"
                + "経度 / Longitude,緯度 / Latitude,最新のお知らせ / Latest public note");
        Map<String, Object> sjis = fetchBytes("/staff/api/reports/export.csv?status=closed&encoding=shift_jis");
        assertThat((String) sjis.get("type")).isEqualTo("text/csv;charset=windows-31j");
        assertThat((List<Object>) sjis.get("start")).as("番 in Shift_JIS").containsExactly(0x94L, 0xD4L, 0x8DL);

        Map<String, Object> month = fetchJson("/staff/api/reports/statistics");
        assertThat(((Map<?, ?>) month.get("total")).get("received")).isNotEqualTo(0L);
        browser.get("http://localhost:" + port + "/staff/reports/statistics");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        assertThat(browser.findElement(By.id("stats")).getText()).contains("種類別", "道路の穴・陥没", "市町村別", "益田市", "3");
        chromium.screenshot("staff-statistics-desktop.png");
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();

        browser.get("http://localhost:" + port + "/staff/reports/sheet?status=closed&size=5");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
        assertThat(browser.findElements(By.cssSelector("article.sheet-report"))).hasSize(5);
        assertThat(browser.findElement(By.cssSelector("article.sheet-report")).getText()).contains("場所", "作業メモ", "完了");
        chromium.screenshot("staff-work-sheet.png");
        byte[] printed = Base64.getDecoder().decode((String) browser.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true)).get("data"));
        Files.write(HeadlessChromium.SCREENSHOTS.resolve("staff-work-sheet.pdf"), printed);
        String pdf = new String(printed, StandardCharsets.ISO_8859_1);
        assertThat(Pattern.compile("/Type\\s*/Page[^s]").matcher(pdf).results().count()).as("a printed page per report").isEqualTo(5);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        chromium.screenshot("staff-work-sheet-print.png");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
        assertThat(chromium.scriptErrors()).isEmpty();
    }

    @Test
    void onAPhoneEveryReportIsACardThatReadsAcross() throws Exception {
        open(390, 844);
        assertTheMapDrawsChizusOwnRoads();
        WebElement description = browser.findElement(By.cssSelector("#staff-reports tr td[data-heading='状況']"));
        assertThat(description.getSize().getWidth()).as("one line across the card, not a character per line").isGreaterThan(300);
        assertThat(browser.findElement(By.id("staff-header")).getText()).contains("道路 太郎", "サインアウト");
        chromium.screenshot("staff-triage-phone.png");
        browser.executeScript("document.querySelector('#staff-reports tr').scrollIntoView()");
        chromium.screenshot("staff-triage-phone-cards.png");
        assertThat(browser.findElement(By.id("more-filters")).getAttribute("open")).as("filters folded on a phone").isNull();
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();

        browser.findElement(By.id("language-button")).click();
        assertThat(chromium.scriptErrors()).isEmpty();
        wait.until(ExpectedConditions.textToBe(By.id("sign-out"), "Sign out"));
        wait.until(d -> d.findElement(By.cssSelector("#staff-reports tr td.work-cell")).getAttribute("data-heading").equals("Work"));
        assertThat(browser.findElement(By.id("staff-header")).getText()).contains("Signed in: 道路 太郎", "Jobs", "Towns");
        chromium.screenshot("staff-triage-phone-english.png");
        assertThat(chromium.scriptErrors()).isEmpty();

        long id = Long.parseLong(browser.findElement(By.cssSelector("#staff-reports tr")).getAttribute("data-report"));
        WebElement notes = keepAStaffNote(id, "Crew says: kerb also cracked");
        assertThat(notes.getText()).contains("Staff notes (internal)", "Crew says: kerb also cracked", "道路 太郎");
        chromium.screenshot("staff-triage-staff-note-phone.png");
        assertThat(chromium.seriousAccessibilityViolations()).as("with the notes open").isEmpty();
        assertThat(chromium.scriptErrors()).isEmpty();
    }

    /** Opens a report's staff notes in the list, writes one and adds it; returns the notes once it shows. */
    private WebElement keepAStaffNote(long id, String text) {
        WebElement notes = browser.findElement(By.cssSelector("tr[data-report='" + id + "'] details.staff-notes"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", notes);
        notes.findElement(By.tagName("summary")).click();
        wait.until(d -> !notes.findElements(By.cssSelector(".staff-note-list li")).isEmpty());
        notes.findElement(By.cssSelector("textarea.new-staff-note")).sendKeys(text);
        notes.findElement(By.cssSelector("button.add-staff-note")).click();
        wait.until(d -> notes.findElement(By.cssSelector(".staff-note-list")).getText().contains(text));
        return notes;
    }

    /**
     * With GSI unreachable, the map strip still shows where things are: zoomed out from the reports to
     * the town centre's streets, Chizu's own roads and the town's land are drawn under the reports.
     */
    private void assertTheMapDrawsChizusOwnRoads() {
        WebElement map = browser.findElement(By.id("map"));
        for (int i = 0; i < 2; i++) {
            map.findElement(By.cssSelector(".leaflet-control-zoom-out")).click();
            wait.until(d -> !map.getAttribute("class").contains("leaflet-zoom-anim"));
        }
        assertThat(map.getAttribute("class")).contains("chizu-own");
        wait.until(d -> !map.findElements(By.cssSelector(".leaflet-chizu-background-pane path")).isEmpty());
        assertThat(map.findElements(By.cssSelector(".leaflet-chizu-land-pane path"))).isNotEmpty();
    }

    private void assertMarkersAreOnTheMap() {
        Rectangle map = browser.findElement(By.id("map")).getRect();
        assertThat(map.getHeight()).isGreaterThan(200);
        List<WebElement> markers = browser.findElements(By.cssSelector("#map path.leaflet-interactive"));
        assertThat(markers).isNotEmpty();
        assertThat(markers.stream().map(WebElement::getRect).filter(m -> m.getY() >= map.getY()
                && m.getY() + m.getHeight() <= map.getY() + map.getHeight()).count()).isGreaterThan(0);
    }

    private String moderationOf(long id) {
        return new JdbcTemplate(dataSource).queryForObject("select moderation from report where id = ?", String.class, id);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetchJson(String path) {
        return (Map<String, Object>) browser.executeAsyncScript(
                "fetch(arguments[0]).then((r) => r.json()).then(arguments[arguments.length - 1])", path);
    }

    /** "status problem-type detail" of an API answer, sent as the page sends it (CSRF header included). */
    private String answer(String method, String path, String body) {
        return (String) browser.executeAsyncScript("""
                const [method, path, body, done] = arguments;
                const csrf = decodeURIComponent((/XSRF-TOKEN=([^;]+)/.exec(document.cookie) || [])[1] || '');
                fetch(path, { method, body, headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf } })
                  .then(async (r) => { const p = await r.json(); done(`${r.status} ${r.headers.get('Content-Type')} ${p.detail}`); });
                """, method, path, body);
    }

    /** The content type, the first three bytes, the number of lines and the first line (as UTF-8) of a download. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetchBytes(String path) {
        return (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async (r) => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  done({ type: r.headers.get('Content-Type').replace(/ /g, ''), start: Array.from(bytes.slice(0, 3)),
                         lines: bytes.filter((b) => b === 10).length,
                         header: new TextDecoder('utf-8').decode(bytes).split('\\r\\n')[0] });
                });
                """, path);
    }
}
