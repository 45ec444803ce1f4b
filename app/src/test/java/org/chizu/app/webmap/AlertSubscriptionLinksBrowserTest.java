package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.sensors.NewObservation;
import org.chizu.sensors.Observations;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.testing.TestMailServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import jakarta.mail.internet.MimeMessage;

/**
 * The links of the alert e-mails (a real SMTP server, GreenMail) in the whole application, with its
 * web security: opening one, as a mail client or link scanner does before anyone reads the mail,
 * changes nothing; the button of the page it opens confirms or unsubscribes, tapped in Chromium on a
 * phone without signing in and on a desktop signed in (where the form carries the CSRF token that a
 * session cookie calls for); and a mail program's one-click unsubscribe (RFC 8058) from an alert
 * mail's List-Unsubscribe header, a POST without cookie, unsubscribes too. Screenshots go to target/screenshots/alert-subscription-*.png.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertSubscriptionLinksBrowserTest {

    static final String RIVER_GAUGE = "高津川 高角水位観測所";
    static final Pattern CONFIRM_LINK = Pattern.compile("http://\\S+/alerts/subscriptions/confirm\\?token=([\\w-]+)");

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
    JdbcTemplate jdbc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    Observations observations;

    final HttpClient http = HttpClient.newHttpClient();
    long gauge;

    @BeforeAll
    void theRiverGaugeOfTheSampleTown() {
        gauge = jdbc.queryForObject("""
                select d.id from sta_datastream d join sta_thing t on t.id = d.thing_id
                where t.name = ? and d.properties ?? 'thresholds'""", Long.class, RIVER_GAUGE);
    }

    @Test
    void openingTheLinksChangesNothingAndTheirButtonsConfirmAndUnsubscribeOnAPhoneAndSignedInOnADesktop() throws Exception {
        String confirmLink = confirmLinkMailedTo("hanako@example.jp");
        String token = tokenOf(confirmLink);
        String unsubscribeLink = confirmLink.replace("/confirm?", "/unsubscribe?");

        HttpResponse<String> scanned = get(confirmLink);
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(scanned.body()).contains("配信登録の確認", RIVER_GAUGE);
        assertThat(get(unsubscribeLink).statusCode()).isEqualTo(200);
        assertThat(confirmed(token)).as("opened, not confirmed").isFalse();
        assertThat(exists(token)).as("opened, not unsubscribed").isTrue();

        try (HeadlessChromium phone = new HeadlessChromium(390, 844)) {
            ChromeDriver browser = phone.driver();
            browser.get(confirmLink);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("配信登録の確認");
            assertThat(browser.findElement(By.cssSelector("main")).getText()).contains(RIVER_GAUGE, "Confirm your alert e-mails");
            assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing sticks out sideways").isEqualTo(true);
            assertThat(phone.seriousAccessibilityViolations()).isEmpty();
            phone.screenshot("alert-subscription-confirm-phone.png");
            assertThat(confirmed(token)).isFalse();

            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            patient(browser).until(d -> d.findElement(By.tagName("h1")).getText().equals("配信登録が完了しました"));
            phone.screenshot("alert-subscription-confirmed-phone.png");
            assertThat(confirmed(token)).isTrue();
            assertThat(phone.scriptErrors()).isEmpty();
            assertThat(phone.contentSecurityViolations()).isEmpty();
        }

        String password = staff.create("bousai", "防災 花子", Role.STAFF).password();
        try (HeadlessChromium desktop = new HeadlessChromium(1440, 900)) {
            ChromeDriver browser = desktop.driver();
            desktop.signIn(port, "bousai", password);
            browser.get(unsubscribeLink);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("配信停止の確認");
            Object withoutToken = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(location.pathname, {method: 'POST', body: new URLSearchParams({token: arguments[0]})}).then((r) => done(r.status));""",
                    token);
            assertThat(withoutToken).as("signed in, a POST needs the page's CSRF token").isEqualTo(403L);
            assertThat(exists(token)).isTrue();
            assertThat(desktop.seriousAccessibilityViolations()).isEmpty();
            desktop.screenshot("alert-subscription-unsubscribe-desktop.png");

            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            patient(browser).until(d -> d.findElement(By.tagName("h1")).getText().equals("配信を停止しました"));
            desktop.screenshot("alert-subscription-unsubscribed-desktop.png");
            assertThat(exists(token)).isFalse();
            assertThat(desktop.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    void aMailProgramsOneClickUnsubscribeFromTheAlertMailsHeaderNeedsNoCookieNorToken() throws Exception {
        String confirmLink = confirmLinkMailedTo("taro@example.jp");
        assertThat(postForm(confirmLink, "").statusCode()).as("confirmed").isEqualTo(200);
        Instant last = observations.latest(gauge).orElseThrow().phenomenonTime().last();
        // Rising at most 0.1 m a minute, as the gauge's rate-of-change check allows, past its first level (2.5 m).
        observations.append(List.of(NewObservation.of(gauge, last.plus(Duration.ofMinutes(10)), JsonNodeFactory.instance.numberNode(2.1)),
                NewObservation.of(gauge, last.plus(Duration.ofMinutes(20)), JsonNodeFactory.instance.numberNode(2.6))));
        MimeMessage alert = MAIL.awaitTo("taro@example.jp", 2).get(1);
        assertThat(alert.getSubject()).contains(RIVER_GAUGE, "raised");

        assertThat(alert.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        Matcher header = Pattern.compile("<(http://[^>]+/alerts/subscriptions/unsubscribe\\?token=([\\w-]+))>")
                .matcher(alert.getHeader("List-Unsubscribe", null));
        assertThat(header.matches()).as(alert.getHeader("List-Unsubscribe", null)).isTrue();
        assertThat(header.group(2)).isEqualTo(tokenOf(confirmLink));
        // Mailed outside any request, the link has the configured public address (here none, so http://localhost), not the test's port.
        HttpResponse<String> oneClick = postForm(header.group(1).replaceFirst("^http://localhost/", "http://localhost:" + port + "/"),
                "List-Unsubscribe=One-Click");

        assertThat(oneClick.statusCode()).as(oneClick.body()).isEqualTo(200);
        assertThat(oneClick.body()).contains("配信を停止しました");
        assertThat(exists(tokenOf(confirmLink))).isFalse();
    }

    /** A form POST as a mail program sends it: no cookie, no CSRF token. */
    private HttpResponse<String> postForm(String link, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(link)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Subscribes an address to the river gauge, as the map's popup does, and reads the link of the mail it gets. */
    private String confirmLinkMailedTo(String address) throws Exception {
        HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"%s\", \"datastreamId\": %d}".formatted(address, gauge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(202);
        Matcher link = CONFIRM_LINK.matcher(TestMailServer.textOf(MAIL.awaitFirstTo(address)));
        assertThat(link.find()).as("the confirmation link").isTrue();
        return link.group();
    }

    private HttpResponse<String> get(String link) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private boolean confirmed(String token) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select confirmed_at is not null from alert_subscription where token = ?", Boolean.class, token));
    }

    private boolean exists(String token) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from alert_subscription where token = ?)", Boolean.class, token));
    }

    /**
     * Waits for the page after a button's POST; the heading read may belong to the page being left, which
     * Chromium reports as a stale element or, mid-navigation, as a node no longer in the document.
     */
    private static WebDriverWait patient(ChromeDriver browser) {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class);
    }
}
