package org.chizu.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One client address may try to sign in only so fast, whichever accounts it tries. */
@SpringBootTest(classes = AccountsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInRateLimitTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void databaseAndASmallLimit(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.accounts.sign-in.per-address-burst", () -> 5);
        registry.add("chizu.accounts.sign-in.per-address-per-minute", () -> 1);
    }

    @Test
    void signInAttemptsBeyondTheAddressesLimitAreAnswered429WithoutLookingAtThePassword() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(new SignInBrowser(port).signIn("user" + attempt, "whatever-" + attempt).statusCode()).isEqualTo(302);
        }

        HttpResponse<String> refused = new SignInBrowser(port).signIn("user6", "whatever-6");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.body()).contains("サインインの試みが多すぎます", "Too many sign-in attempts");
        assertThat(new SignInBrowser(port).get("/login").statusCode()).as("the page itself stays open").isEqualTo(200);
    }
}
