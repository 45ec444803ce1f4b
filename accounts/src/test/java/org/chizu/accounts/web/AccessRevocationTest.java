package org.chizu.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.chizu.accounts.ApiToken;
import org.chizu.accounts.NewAccount;
import org.chizu.accounts.NewToken;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.gis.testing.TestDatabase;
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
            PasswordEncoderFactories.createDelegatingPasswordEncoder());

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
        Browser browser = new Browser();
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

        HttpResponse<String> refused = new Browser().signIn("sato", sato.password());
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertBadToken(withToken("/staff/desk", sato.token()));
    }

    @Test
    void enablingAgainRestoresSignInAndTokensButNotTheSessionsThatWereEnded() throws Exception {
        NewAccount ito = CLI.create("ito", Role.STAFF);
        Browser before = new Browser();
        before.signIn("ito", ito.password());
        CLI.disable("ito");

        CLI.enable("ito");

        assertNotSignedIn(before.get("/staff/desk"));
        Browser after = new Browser();
        after.signIn("ito", ito.password());
        assertThat(after.get("/staff/desk").body()).isEqualTo("welcome ito");
        assertThat(withToken("/staff/desk", ito.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsOldSessions() throws Exception {
        NewAccount kato = CLI.create("kato", Role.STAFF);
        Browser browser = new Browser();
        browser.signIn("kato", kato.password());
        assertThat(signedIn(browser)).isTrue();

        String newPassword = CLI.resetPassword("kato");

        assertNotSignedIn(browser.get("/staff/desk"));
        assertThat(new Browser().signIn("kato", kato.password()).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        Browser again = new Browser();
        again.signIn("kato", newPassword);
        assertThat(again.get("/staff/desk").body()).isEqualTo("welcome kato");
        assertThat(withToken("/staff/desk", kato.token()).statusCode()).as("tokens are revoked separately").isEqualTo(200);
    }

    @Test
    void anotherAccountsChangesLeaveASessionSignedIn() throws Exception {
        NewAccount yamada = CLI.create("yamada", Role.STAFF);
        CLI.create("suzuki", Role.STAFF);
        Browser browser = new Browser();
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

    private boolean signedIn(Browser browser) throws Exception {
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
        Browser script = new Browser();
        return script.send(script.request(path).header("Authorization", "Bearer " + token.token()));
    }

    /** A browser: keeps cookies, does not follow redirects, so each step can be checked. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(request(path));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), BodyHandlers.ofString());
        }

        /** Fills in the sign-in form as a person would, with the CSRF token the page carries. */
        HttpResponse<String> signIn(String name, String password) throws IOException, InterruptedException {
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            String form = Map.of("username", name, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(request("/login").POST(HttpRequest.BodyPublishers.ofString(form))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
        }
    }
}
