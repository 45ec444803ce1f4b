package org.chizu.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.accounts.ApiToken;
import org.chizu.accounts.NewAccount;
import org.chizu.accounts.NewToken;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.testing.TestDatabase;
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
 * Taking access away, over real HTTP against a running server. Accounts are changed as
 * {@code ./chizu user …} changes them: from another process, which shares only the database with
 * the server (here a {@link StaffAccounts} of its own on its own connections).
 */
@SpringBootTest(classes = AccountsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessRevocationTest {

    private static final TestDatabase DATABASE = TestDatabase.fresh();

    /** What the {@code ./chizu user} commands run on: not the server's bean. */
    private static final StaffAccounts CLI = new StaffAccounts(new JdbcTemplate(DATABASE.dataSource()),
            PasswordEncoderFactories.createDelegatingPasswordEncoder(), new AuditLog(new JdbcTemplate(DATABASE.dataSource())));

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @Test
    void aDisabledAccountsSessionIsRefusedOnItsNextRequest() throws Exception {
        NewAccount tanaka = CLI.create("tanaka", "田中 健", Role.STAFF);
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn("tanaka", tanaka.password());
        assertThat(browser.get("/staff/desk").body()).isEqualTo("welcome tanaka");

        CLI.disable("tanaka");

        assertNotSignedIn(browser.get("/staff/desk"));
        assertThat(signedIn(browser)).isFalse();
        HttpResponse<String> page = browser.send(browser.request("/staff/desk").header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void aDisabledAccountCanNeitherSignInNorUseItsTokens() throws Exception {
        NewAccount sato = CLI.create("sato", Role.ADMIN);

        CLI.disable("sato");

        HttpResponse<String> refused = new SignInBrowser(port).signIn("sato", sato.password());
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertBadToken(withToken("/staff/desk", sato.token()));
    }

    @Test
    void enablingAgainRestoresSignInAndTokensButNotTheSessionsThatWereEnded() throws Exception {
        NewAccount ito = CLI.create("ito", Role.STAFF);
        SignInBrowser before = new SignInBrowser(port);
        before.signIn("ito", ito.password());
        CLI.disable("ito");

        CLI.enable("ito");

        assertNotSignedIn(before.get("/staff/desk"));
        SignInBrowser after = new SignInBrowser(port);
        after.signIn("ito", ito.password());
        assertThat(after.get("/staff/desk").body()).isEqualTo("welcome ito");
        assertThat(withToken("/staff/desk", ito.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsOldSessions() throws Exception {
        NewAccount kato = CLI.create("kato", Role.STAFF);
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn("kato", kato.password());
        assertThat(signedIn(browser)).isTrue();

        String newPassword = CLI.resetPassword("kato");

        assertNotSignedIn(browser.get("/staff/desk"));
        assertThat(new SignInBrowser(port).signIn("kato", kato.password()).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        SignInBrowser again = new SignInBrowser(port);
        again.signIn("kato", newPassword);
        assertThat(again.get("/staff/desk").body()).isEqualTo("welcome kato");
        assertThat(withToken("/staff/desk", kato.token()).statusCode()).as("tokens are revoked separately").isEqualTo(200);
    }

    @Test
    void anotherAccountsChangesLeaveASessionSignedIn() throws Exception {
        NewAccount yamada = CLI.create("yamada", Role.STAFF);
        CLI.create("suzuki", Role.STAFF);
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn("yamada", yamada.password());

        CLI.disable("suzuki");
        CLI.resetPassword("suzuki");

        assertThat(browser.get("/staff/desk").body()).isEqualTo("welcome yamada");
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        NewAccount nakamura = CLI.create("nakamura", Role.STAFF);
        NewToken qgis = CLI.issueToken("nakamura", "QGIS");
        long qgisId = CLI.tokens("nakamura").stream().filter(token -> token.label().equals("QGIS"))
                .mapToLong(ApiToken::id).findFirst().orElseThrow();
        assertThat(withToken("/staff/desk", qgis).statusCode()).isEqualTo(200);

        CLI.revokeToken("nakamura", qgisId);

        assertBadToken(withToken("/staff/desk", qgis));
        assertThat(withToken("/staff/desk", nakamura.token()).body()).isEqualTo("welcome nakamura");
    }

    @Test
    void revokingAllTokensRefusesEachOfThem() throws Exception {
        NewAccount kobayashi = CLI.create("kobayashi", Role.STAFF);
        NewToken script = CLI.issueToken("kobayashi", "nightly import");

        assertThat(CLI.revokeAllTokens("kobayashi")).isEqualTo(2);

        assertBadToken(withToken("/staff/desk", kobayashi.token()));
        assertBadToken(withToken("/staff/desk", script));
        assertThat(CLI.tokens("kobayashi")).isEmpty();
    }

    private boolean signedIn(SignInBrowser browser) throws Exception {
        return json.readTree(browser.get("/api/me").body()).path("authenticated").asBoolean();
    }

    private void assertNotSignedIn(HttpResponse<String> response) throws IOException {
        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("detail").asText()).startsWith("Sign in");
    }

    private void assertBadToken(HttpResponse<String> response) throws IOException {
        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("detail").asText()).isEqualTo("The API token is not valid.");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:chizu:problem:unauthenticated");
        return problem;
    }

    private HttpResponse<String> withToken(String path, NewToken token) throws IOException, InterruptedException {
        SignInBrowser script = new SignInBrowser(port);
        return script.send(script.request(path).header("Authorization", "Bearer " + token.token()));
    }
}
