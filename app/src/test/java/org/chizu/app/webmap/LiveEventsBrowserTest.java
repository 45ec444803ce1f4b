package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.events.LiveEvents;
import org.chizu.reports.NewReport;
import org.chizu.reports.Pin;
import org.chizu.reports.ReportIntake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Live events end to end: a staff member's headless Chromium follows topics on the live-events
 * inspector (/staff/events, EventSource on /events); an event published by {@code ./chizu events
 * publish} in a separate JVM on the same database appears; when the browser's connection drops, the
 * events published meanwhile arrive after it reconnects (Last-Event-ID), each once and in order. Who
 * may follow which topic is checked over HTTP with the real sign-in and API tokens.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventsBrowserTest {

    static TestDatabase database;

    /**
     * The server ends each connection after 4 s instead of minutes, so that the browser reconnects
     * (as it does at every timeout); taken offline meanwhile, it cannot until the test lets it.
     */
    @DynamicPropertySource
    static void databaseAndShortConnections(DynamicPropertyRegistry registry) {
        database = TestDatabase.fresh();
        database.register(registry);
        registry.add("chizu.events.timeout", () -> "PT4S");
        registry.add("chizu.events.heartbeat", () -> "PT1S");
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ReportIntake intake;
    @Autowired
    DataSource dataSource;
    @Autowired
    LiveEvents liveEvents;
    @Autowired
    TransactionTemplate transactions;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;
    String staffPassword;
    String staffToken;
    String otherStaffToken;

    @BeforeAll
    void staffAndChromium() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        var staff = accounts.create("kato", "加藤", Role.STAFF);
        staffPassword = staff.password();
        staffToken = staff.token().token();
        otherStaffToken = accounts.create("sato", "佐藤", Role.STAFF).token().token();
        chromium = new HeadlessChromium(1280, 900);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopChromium() {
        chromium.close();
    }

    @Test
    void staffSeeEventsFromAnotherProcessAndAfterADroppedConnectionExactlyTheOnesMissed() throws Exception {
        signInAsStaff();
        browser.get(server("/staff/events?topic=alerts&topic=staff.reports"));
        waitForConnection("open");

        publishFromAnotherJvm("alerts", "{\"level\":\"warning\",\"ja\":\"大雨警報が発表されました\",\"en\":\"Heavy rain warning issued\"}");
        wait.until(d -> shownEvents().size() == 1);
        assertThat(shownEvents().getFirst().getAttribute("data-topic")).isEqualTo("alerts");
        assertThat(shownEvents().getFirst().findElement(By.cssSelector(".data")).getText()).contains("大雨警報が発表されました");

        // Offline, the connection still open stays open; when the server ends it, reconnecting fails.
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", offline(true));
        waitForConnection("reconnecting");
        // Replay reads the kept events, whichever process published them; this one saves starting another JVM.
        transactions.executeWithoutResult(tx -> {
            liveEvents.publish("alerts", Map.of("ja", "避難所を開設しました", "en", "Shelters opened"));
            liveEvents.publish("alerts", Map.of("ja", "土砂災害警戒情報", "en", "Landslide alert"));
        });
        browser.executeCdpCommand("Network.emulateNetworkConditions", offline(false));

        wait.until(d -> shownEvents().size() >= 3);
        waitForConnection("open");
        List<Long> ids = shownEvents().reversed().stream().map(e -> Long.parseLong(e.getAttribute("data-id"))).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates().isSorted();
        assertThat(shownEvents().reversed()).extracting(e -> e.findElement(By.cssSelector(".data")).getText())
                .satisfiesExactly(
                        first -> assertThat(first).contains("大雨警報が発表されました"),
                        second -> assertThat(second).contains("避難所を開設しました"),
                        third -> assertThat(third).contains("土砂災害警戒情報"));
        assertThat(browser.findElement(By.id("counts")).getText()).contains("受信 3 件", "Last id: " + ids.getLast());

        intake.submit(new NewReport(null, "pothole", new Pin(131.84300, 34.67138), "歩道の手前に深い穴があります",
                "山田 花子", "hanako@example.jp", null, "web", null, Map.of(), List.of()));
        wait.until(d -> shownEvents().size() == 4);
        WebElement report = shownEvents().getFirst();
        assertThat(report.getAttribute("data-topic")).isEqualTo("staff.reports");
        assertThat(report.findElement(By.cssSelector(".data")).getText()).contains("\"change\": \"received\"", "pothole")
                .doesNotContain("hanako@example.jp", "山田");
        chromium.screenshot("live-events-wide.png");

        chromium.resize(360, 740);
        chromium.screenshot("live-events-phone.png");
        chromium.resize(1280, 900);
    }

    @Test
    void theInspectorSaysWhyATopicIsRefused() throws Exception {
        browser.manage().deleteAllCookies();
        signInAsStaff();
        browser.get(server("/staff/events?topic=user.sato.jobs"));

        waitForConnection("closed");
        assertThat(browser.findElement(By.id("connection")).getText()).contains("user.sato.jobs", "another user");
    }

    @Test
    void thePublicMayFollowPublicTopicsButNotStaffOrAnotherUsersTopics() throws Exception {
        assertThat(open("/events?topic=alerts&topic=queue.board.3", null)).isEqualTo(200);

        HttpResponse<String> staffOnly = refused("/events?topic=alerts&topic=staff.reports", null);
        assertThat(staffOnly.statusCode()).isEqualTo(403);
        assertThat(staffOnly.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(staffOnly.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:chizu:problem:topic-forbidden");
        assertThat(problem.path("topic").asText()).isEqualTo("staff.reports");

        assertThat(refused("/events?topic=user.kato.jobs", null).statusCode()).isEqualTo(403);
    }

    @Test
    void staffMayFollowStaffTopicsAndTheirOwnUserTopicsOnly() throws Exception {
        assertThat(open("/events?topic=staff.reports&topic=alerts", staffToken)).isEqualTo(200);
        assertThat(open("/events?topic=user.kato.jobs", staffToken)).isEqualTo(200);

        HttpResponse<String> othersJobs = refused("/events?topic=user.kato.jobs", otherStaffToken);
        assertThat(othersJobs.statusCode()).isEqualTo(403);
        assertThat(json.readTree(othersJobs.body()).path("topic").asText()).isEqualTo("user.kato.jobs");
    }

    @Test
    void theInspectorIsForStaffOnly() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(server("/staff/events")))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    /** Runs {@code ./chizu events publish TOPIC JSON…} in a JVM of its own on the test database. */
    private void publishFromAnotherJvm(String topic, String... data) throws Exception {
        Path home = Files.createTempDirectory("chizu-command-home");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChizuApplication.class.getName(), "events", "publish", topic));
        command.addAll(List.of(data));
        command.addAll(List.of("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--chizu.home=" + home));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("published " + data.length);
    }

    private void signInAsStaff() {
        browser.get(server("/login"));
        browser.findElement(By.id("username")).sendKeys("kato");
        browser.findElement(By.id("password")).sendKeys(staffPassword);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void waitForConnection(String state) {
        wait.until(d -> state.equals(d.findElement(By.id("connection")).getAttribute("data-state")));
    }

    private List<WebElement> shownEvents() {
        return browser.findElements(By.cssSelector("#events li"));
    }

    private static Map<String, Object> offline(boolean offline) {
        return Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
    }

    private String server(String path) {
        return "http://localhost:" + port + path;
    }

    /** The status of a subscription that is then closed at once. */
    private int open(String path, String token) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(
                response.statusCode() == 200 ? "text/event-stream" : "application/problem+json");
        return response.statusCode();
    }

    private HttpResponse<String> refused(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server(path))).header("Accept", "text/event-stream");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
