package org.chizu.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;

import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.accounts.AccessRules;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who sees and may change what, over real HTTP against the whole application: the public reads
 * public layers, staff sign in with the form (a session, CSRF-protected) or send an API token.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AccessControlTest.ResidentReports.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

    private static final List<String> PUBLIC_LAYERS = List.of("hazard_zones", "roads", "facilities", "forests", "reports");

    /** A module's own rule, as a residents' reports module would open its POST to everyone. */
    @TestConfiguration
    static class ResidentReports {

        @Bean
        AccessRules residentReportsAreOpenToAll() {
            return requests -> requests.requestMatchers(HttpMethod.POST, "/api/test-reports").permitAll();
        }

        @RestController
        static class ReportController {

            @PostMapping("/api/test-reports")
            ResponseEntity<Void> report() {
                return ResponseEntity.status(201).build();
            }
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ObjectMapper json;

    String staffPassword;
    String staffToken;
    String adminToken;

    @BeforeAll
    void createAccounts() {
        var staff = accounts.create("tanaka", "田中", Role.STAFF);
        staffPassword = staff.password();
        staffToken = staff.token().token();
        adminToken = accounts.create("suzuki", Role.ADMIN).token().token();
    }

    @Test
    void thePublicSeesThePublicLayersButNotWaterPipes() throws Exception {
        HttpResponse<String> response = new SignInBrowser(port).get("/api/layers");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(layerIds(response)).containsExactlyElementsOf(PUBLIC_LAYERS);
    }

    @Test
    void staffWithAnApiTokenAlsoSeeWaterPipesWithoutGettingASession() throws Exception {
        HttpResponse<String> response = send(request("/api/layers").header("Authorization", "Bearer " + staffToken));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(layerIds(response)).containsAll(PUBLIC_LAYERS).contains("water_pipes");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void aStaffOnlyLayerDoesNotExistForThePublic() throws Exception {
        HttpResponse<String> response = new SignInBrowser(port).get("/api/layers/water_pipes");

        assertProblem(response, 404, "urn:chizu:problem:unknown-layer");
        assertThat(json.readTree(response.body()).path("detail").asText()).isEqualTo("There is no layer 'water_pipes'.");
    }

    @Test
    void aWrongTokenIsRefusedWith401EvenWhereThePublicMayRead() throws Exception {
        HttpResponse<String> response = send(request("/api/layers")
                .header("Authorization", "Bearer chizu_" + "x".repeat(43)));

        assertProblem(response, 401, "urn:chizu:problem:unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void publicTilesNeedNoSignInButAWrongTokenIsRefusedThereToo() throws Exception {
        String tile = "/tiles/roads,hazard_zones/14/14193/6498.mvt";
        assertThat(send(request(tile)).statusCode()).isIn(200, 204);

        assertProblem(send(request(tile).header("Authorization", "Bearer chizu_" + "x".repeat(43))),
                401, "urn:chizu:problem:unauthenticated");
    }

    @Test
    void staffOnlyTilesAreHiddenFromThePublicAndServedToStaff() throws Exception {
        String tile = "/tiles/water_pipes/14/14193/6498.mvt";
        assertProblem(send(request(tile)), 404, "urn:chizu:problem:unknown-layer");
        assertProblem(send(request("/tiles/roads,water_pipes/14/14193/6498.mvt")), 404, "urn:chizu:problem:unknown-layer");

        assertThat(send(request(tile).header("Authorization", "Bearer " + staffToken)).statusCode()).isIn(200, 204);
    }

    @Test
    void changingAnythingThroughTheApiAnonymouslyAsksToSignIn() throws Exception {
        HttpResponse<String> response = send(request("/api/layers").POST(BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));

        assertProblem(response, 401, "urn:chizu:problem:unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aModuleMayOpenItsOwnPathsToThePublic() throws Exception {
        HttpResponse<String> report = send(request("/api/test-reports").POST(BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));

        assertThat(report.statusCode()).isEqualTo(201);
    }

    @Test
    void staffSignInWithTheFormAndTheirSessionSeesWaterPipes() throws Exception {
        SignInBrowser browser = new SignInBrowser(port);

        HttpResponse<String> signedIn = browser.signIn("tanaka", staffPassword);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(layerIds(browser.get("/api/layers"))).contains("water_pipes");
        JsonNode me = json.readTree(browser.get("/api/me").body());
        assertThat(me.path("authenticated").asBoolean()).isTrue();
        assertThat(me.path("name").asText()).isEqualTo("tanaka");
        assertThat(me.path("displayName").asText()).isEqualTo("田中");
        assertThat(me.path("role").asText()).isEqualTo("staff");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        SignInBrowser browser = new SignInBrowser(port);

        HttpResponse<String> refused = browser.signIn("tanaka", "not-the-password");

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("パスワードが違います", "Wrong user name or password");
        assertThat(layerIds(browser.get("/api/layers"))).doesNotContain("water_pipes");
        assertThat(json.readTree(browser.get("/api/me").body()).path("authenticated").asBoolean()).isFalse();
    }

    @Test
    void aSessionMayChangeThingsOnlyWithItsCsrfToken() throws Exception {
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn("tanaka", staffPassword);
        browser.get("/api/me");

        HttpResponse<String> forged = browser.send(browser.request("/api/layers/roads").POST(BodyPublishers.noBody()));
        HttpResponse<String> fromTheMap = browser.send(browser.request("/api/layers/roads").POST(BodyPublishers.noBody())
                .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));

        assertProblem(forged, 403, "urn:chizu:problem:forbidden");
        // Past CSRF and authorization, the request reaches Spring MVC, which has no POST there.
        assertThat(fromTheMap.statusCode()).isEqualTo(405);
    }

    @Test
    void adminsMayDoWhateverStaffMayButStaffAreKeptOutOfAdminPages() throws Exception {
        HttpResponse<String> adminPost = send(request("/api/layers/roads").POST(BodyPublishers.noBody())
                .header("Authorization", "Bearer " + adminToken));
        HttpResponse<String> staffOnAdminPage = send(request("/admin/accounts")
                .header("Authorization", "Bearer " + staffToken));

        assertThat(adminPost.statusCode()).isEqualTo(405);
        assertProblem(staffOnAdminPage, 403, "urn:chizu:problem:forbidden");
    }

    @Test
    void aBrowserAskingForAStaffPageIsSentToTheSignInPage() throws Exception {
        HttpResponse<String> response = send(request("/staff/reports").header("Accept", "text/html,*/*;q=0.8"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theSignInPageIsJapaneseFirstWithEnglishAndCarriesACsrfToken() throws Exception {
        HttpResponse<String> page = new SignInBrowser(port).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"ja\">", "職員サインイン", "Staff sign-in", "name=\"viewport\"")
                .containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
    }

    @Test
    void thePublicMayReadHealthAndIsToldItIsNotSignedIn() throws Exception {
        assertThat(new SignInBrowser(port).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(new SignInBrowser(port).get("/api/me").body()).isEqualTo("{\"authenticated\":false}");
    }

    private List<String> layerIds(HttpResponse<String> response) throws IOException {
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).path("layers").forEach(layer -> ids.add(layer.path("id").asText()));
        return ids;
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo(type);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), BodyHandlers.ofString());
        }
    }
}
