package org.chizu.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Behind a reverse proxy that says the public address in forwarded headers ({@code chizu.trust-forwarded-headers}). */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.trust-forwarded-headers=true")
class TrustedProxyTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void linksAndTheCsrfCookieFollowTheProxysForwardedHeaders() throws Exception {
        RawHttp xForwarded = RawHttp.get(port, "/ogc?f=json", "127.0.0.1:" + port,
                "X-Forwarded-Proto: https", "X-Forwarded-Host: chizu.example.lg.jp");
        RawHttp forwarded = RawHttp.get(port, "/login", "127.0.0.1:" + port, "Forwarded: proto=https;host=map.example.lg.jp");

        assertThat(xForwarded.body()).contains("\"https://chizu.example.lg.jp/ogc").doesNotContain("127.0.0.1");
        assertThat(forwarded.header("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure"));
    }

    @Test
    void withoutForwardedHeadersTheRequestsOwnAddressIsUsed() throws Exception {
        assertThat(RawHttp.get(port, "/ogc?f=json", "127.0.0.1:" + port).body()).contains("\"http://127.0.0.1:" + port + "/ogc");
    }
}
