package org.chizu.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff sign-in at a real OpenID Connect identity provider ({@link TownIdentityProvider}), as a person
 * does it: from Chizu's sign-in page to the IdP's, the IdP's consent, and back to Chizu with the code
 * that Chizu exchanges for an ID token it checks against the keys the IdP's discovery document names.
 */
@SpringBootTest(classes = AccountsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInEndToEndTest {

    private static final TestDatabase DATABASE = TestDatabase.fresh();
    private static final TownIdentityProvider IDP = TownIdentityProvider.start();
    private static final StaffAccounts STAFF = new StaffAccounts(new JdbcTemplate(DATABASE.dataSource()),
            PasswordEncoderFactories.createDelegatingPasswordEncoder(), new AuditLog(new JdbcTemplate(DATABASE.dataSource())));

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void databaseAndIdentityProvider(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
        registry.add("chizu.accounts.oidc.issuer-uri", IDP::issuer);
        registry.add("chizu.accounts.oidc.client-id", () -> TownIdentityProvider.CLIENT_ID);
        registry.add("chizu.accounts.oidc.client-secret", () -> TownIdentityProvider.CLIENT_SECRET);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDP.close();
    }

    @Test
    void aTownUserSignsInAtTheIdentityProviderAndIsTheirStaffAccountInChizu() throws Exception {
        STAFF.create("tanaka", "田中 健", Role.ADMIN);
        FollowingBrowser browser = new FollowingBrowser();

        HttpResponse<String> back = signInAtTheIdentityProvider(browser, "tanaka");

        assertThat(back.uri()).isEqualTo(chizu("/"));
        JsonNode me = json.readTree(browser.get(chizu("/api/me")).body());
        assertThat(me.path("authenticated").asBoolean()).isTrue();
        assertThat(me.path("name").asText()).isEqualTo("tanaka");
        assertThat(me.path("kind").asText()).isEqualTo("staff");
        assertThat(me.path("role").asText()).isEqualTo("admin");
        assertThat(browser.get(chizu("/staff/desk")).body()).isEqualTo("welcome tanaka");
    }

    @Test
    void aTownUserWithoutAnEnabledStaffAccountIsToldSoAndNotSignedIn() throws Exception {
        STAFF.create("ito", Role.STAFF);
        STAFF.disable("ito");

        for (String townUser : new String[] {"visitor", "ito"}) {
            FollowingBrowser browser = new FollowingBrowser();

            HttpResponse<String> back = signInAtTheIdentityProvider(browser, townUser);

            assertThat(back.uri()).as(townUser).isEqualTo(chizu("/login?not-staff"));
            assertThat(back.body()).as(townUser).contains("No enabled staff account in Chizu is your town account");
            assertThat(json.readTree(browser.get(chizu("/api/me")).body()).path("authenticated").asBoolean())
                    .as(townUser).isFalse();
        }
    }

    /** From Chizu's sign-in page through the IdP's sign-in and consent, back to wherever Chizu sends them. */
    private HttpResponse<String> signInAtTheIdentityProvider(FollowingBrowser browser, String townUser)
            throws IOException, InterruptedException {
        HttpResponse<String> idpSignIn = browser.click(browser.open(chizu("/login")), OidcSignIn.START);
        assertThat(idpSignIn.uri().toString()).startsWith(IDP.issuer() + "/login");

        HttpResponse<String> consent = browser.submit(idpSignIn,
                Map.of("username", townUser, "password", TownIdentityProvider.PASSWORD));
        assertThat(consent.uri().toString()).startsWith(IDP.issuer() + "/oauth2/authorize");
        assertThat(consent.body()).contains("consent");

        return browser.submit(consent, Map.of());
    }

    /** Chizu at 127.0.0.1, the IdP at localhost: two hosts, so their session cookies stay apart. */
    private URI chizu(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
