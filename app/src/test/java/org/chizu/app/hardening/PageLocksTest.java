package org.chizu.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.testing.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * The locks on pages, cookies, links and health of a server without a configured public URL, over real
 * HTTP: whatever a request says in its {@code Host} header, links (in pages, JSON and e-mails) point at
 * the server's own address.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageLocksTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob: https://cyberjapandata.gsi.go.jp; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

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
    StaffAccounts accounts;

    @Test
    void everyResponseForbidsInlineScriptFramingAndSniffing() throws Exception {
        for (String path : List.of("/", "/login", "/register", "/report", "/api/layers", "/api/layers/no_such_layer",
                "/webmap/map.js", "/accounts/page.css", "/ogc?f=html", "/sparql", "/actuator/health", "/staff/reports")) {
            RawHttp response = RawHttp.get(port, path, "localhost:" + port);
            assertThat(response.header("Content-Security-Policy")).as(path).containsExactly(POLICY);
            assertThat(response.header("Referrer-Policy")).as(path).containsExactly("strict-origin-when-cross-origin");
            assertThat(response.header("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(response.header("X-Frame-Options")).as(path).containsExactly("DENY");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndTheCsrfCookieLaxButNotSecureOverPlainHttp() throws Exception {
        String password = accounts.create("kato", Role.STAFF).password();
        SignInBrowser browser = new SignInBrowser(port);
        List<String> csrf = browser.get("/login").headers().allValues("Set-Cookie");
        List<String> session = browser.signIn("kato", password).headers().allValues("Set-Cookie");

        assertThat(csrf).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax").doesNotContain("Secure", "HttpOnly"));
        assertThat(session).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("secure"));
    }

    @Test
    void aHostHeaderNamingAnotherSiteGetsLinksToThisServer() throws Exception {
        RawHttp ogc = RawHttp.get(port, "/ogc?f=json", "evil.example");
        RawHttp tileJson = RawHttp.get(port, "/tiles/roads.json", "evil.example:8080");

        assertThat(ogc.status()).isEqualTo(200);
        assertThat(ogc.body()).contains("\"http://localhost:" + port + "/ogc").doesNotContain("evil.example");
        assertThat(tileJson.body()).contains("http://localhost:" + port + "/tiles/roads/").doesNotContain("evil.example");
    }

    @Test
    void anEmailedLinkNeverPointsAtTheHostTheRequestNamed() throws Exception {
        RawHttp registered = RawHttp.postForm(port, "/register", "evil.example",
                "kind=individual&email=hana%40example.jp&displayName=hana&password=hinoki-no-mori-7");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        String mail = TestMailServer.textOf(MAIL.awaitFirstTo("hana@example.jp"));
        assertThat(mail).contains("http://localhost:" + port + "/register/verify?token=").doesNotContain("evil.example");
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessTrusted() throws Exception {
        RawHttp ogc = RawHttp.get(port, "/ogc?f=json", "localhost:" + port,
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https", "Forwarded: host=evil.example;proto=https");

        assertThat(ogc.body()).contains("\"http://localhost:" + port + "/ogc").doesNotContain("evil.example", "https://localhost");
    }

    @Test
    void theServersOwnAddressIsTakenAsTheRequestNamesIt() throws Exception {
        RawHttp ogc = RawHttp.get(port, "/ogc?f=json", "127.0.0.1:" + port);

        assertThat(ogc.body()).contains("\"http://127.0.0.1:" + port + "/ogc");
    }

    @Test
    void redirectsNeverNameTheHostHeader() throws Exception {
        RawHttp toSignIn = RawHttp.get(port, "/staff/reports", "evil.example", "Accept: text/html");

        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.header("Location")).containsExactly("http://localhost:" + port + "/login");
    }

    @Test
    void thePublicLearnsOnlyWhetherTheServerIsUpAndStaffSeeTheVersions() throws Exception {
        String token = accounts.create("ito", Role.STAFF).token().token();

        RawHttp forThePublic = RawHttp.get(port, "/actuator/health", "localhost");
        RawHttp forStaff = RawHttp.get(port, "/actuator/health", "localhost", "Authorization: Bearer " + token);

        assertThat(forThePublic.status()).isEqualTo(200);
        assertThat(forThePublic.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(forStaff.body()).contains("\"postgis\"", "\"postgresql\"", "\"diskSpace\"", "\"db\"");
    }

    @Test
    void aVeryLongAddressOrHugeHeadersAreRefusedAsProblemsThatSayWhy() throws Exception {
        RawHttp longAddress = RawHttp.get(port, "/ogc/collections/roads/items?filter=" + "a".repeat(20_000), "localhost");
        RawHttp hugeHeaders = RawHttp.get(port, "/api/layers", "localhost", "X-Padding: " + "b".repeat(20_000));

        assertThat(longAddress.status()).isEqualTo(414);
        assertThat(longAddress.header("Content-Type")).singleElement().asString().startsWith("application/problem+json");
        assertThat(longAddress.body()).contains("uri-too-long", "8192");
        assertThat(hugeHeaders.status()).isEqualTo(431);
        assertThat(hugeHeaders.header("Content-Type")).singleElement().asString().startsWith("application/problem+json");
        assertThat(hugeHeaders.body()).contains("headers-too-large");
    }
}
