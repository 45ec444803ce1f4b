package org.chizu.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A server given its public address ({@code chizu.public-url}, as behind an HTTPS proxy) links only there. */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.public-url=https://chizu.example.lg.jp/")
class PublicUrlTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void linksUseThePublicUrlWhateverTheHostOrForwardedHeadersSay() throws Exception {
        for (String host : List.of("evil.example", "localhost:" + port)) {
            RawHttp ogc = RawHttp.get(port, "/ogc?f=json", host, "X-Forwarded-Host: evil2.example");
            RawHttp tileJson = RawHttp.get(port, "/tiles/roads.json", host);

            assertThat(ogc.body()).contains("\"https://chizu.example.lg.jp/ogc").doesNotContain("evil", "localhost");
            assertThat(tileJson.body()).contains("https://chizu.example.lg.jp/tiles/roads/").doesNotContain("evil", "localhost");
        }
    }

    @Test
    void cookiesAreSecureBehindAnHttpsPublicUrl() throws Exception {
        RawHttp login = RawHttp.get(port, "/login", "evil.example");
        // A page that needs signing in remembers itself in a new session, to return there afterwards.
        RawHttp staffPage = RawHttp.get(port, "/staff/reports", "localhost", "Accept: text/html");

        assertThat(login.header("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure", "SameSite=Lax"));
        assertThat(staffPage.header("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("secure")
                        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }
}
