package org.chizu.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.chizu.accounts.ApiClients;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.reports.open311.Open311ApiKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * People beyond staff against the whole application: a resident is the public for layers and is
 * kept out of staff pages; a device or API client's token makes the requests its scope allows (an
 * Open311 request for {@code open311:post}, SensorThings observations for {@code sensors:observe})
 * and gets 403 everywhere else.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.reports.open311.jurisdiction-id=masuda.example.lg.jp")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleAccessTest {

    private static final String PASSWORD = "kaki-no-ki-2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Open311ApiKeys open311Keys;
    @Autowired
    ApiClients clients;
    @Autowired
    StaffAccounts staff;

    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void loadTheTownAndAVerifiedResident() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        // As /register and the e-mailed link leave a resident (ResidentAccountsTest walks that way).
        jdbc.update("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', 'はなこ', ?, 'hanako@example.jp', now())""", passwords.encode(PASSWORD));
    }

    @Test
    void aResidentSeesOnlyPublicLayersAndIsRefusedStaffPagesAndApis() throws Exception {
        SignInBrowser resident = new SignInBrowser(port);
        resident.signIn("hanako@example.jp", PASSWORD);

        assertThat(json.readTree(resident.get("/api/me").body()).path("kind").asText()).isEqualTo("resident");
        assertThat(layerIds(resident.get("/api/layers"))).contains("roads").doesNotContain("water_pipes");
        assertThat(resident.get("/tiles/water_pipes/14/14193/6498.mvt").statusCode()).isEqualTo(404);
        assertThat(resident.send(resident.request("/staff/reports").header("Accept", "text/html")).statusCode()).isEqualTo(403);
        assertProblem(resident.get("/staff/api/reports"), 403, "urn:chizu:problem:forbidden");
    }

    @Test
    void anOpen311ClientsKeyPostsARequestAndIsRefusedEverywhereElse() throws Exception {
        String key = open311Keys.issue("FixMyStreet Japan");
        SignInBrowser client = new SignInBrowser(port);

        HttpResponse<String> posted = client.send(client.request("/open311/v2/requests.json")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(open311Request(key))));
        HttpResponse<String> postedWithBearer = client.send(withToken(client.request("/open311/v2/requests.json"), key)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(open311Request(key))));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(json.readTree(posted.body()).get(0).path("token").asText()).isNotBlank();
        assertThat(postedWithBearer.statusCode()).isEqualTo(200);
        for (String path : List.of("/api/layers", "/api/me", "/staff/api/reports", "/open311/v2/requests.json", "/tiles/roads.json")) {
            assertProblem(client.send(withToken(client.request(path), key)), 403, "urn:chizu:problem:forbidden");
        }
        assertProblem(client.send(withToken(client.request("/api/reports"), key).POST(BodyPublishers.noBody())),
                403, "urn:chizu:problem:forbidden");
    }

    @Test
    void aSensorsTokenPostsObservationsToTheSensorThingsApiAndNothingElse() throws Exception {
        staff.create("kasen", Role.STAFF);
        String desk = staff.issueToken("kasen", "河川係").token();
        String sensor = clients.issue("水位計 高津川 1", Set.of("sensors:observe")).token();
        SignInBrowser device = new SignInBrowser(port);
        HttpResponse<String> gauge = device.send(withToken(device.request("/sta/v1.1/Things"), desk).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("""
                        {"name": "高津川 水位計 1", "Locations": [{"name": "高角橋", "encodingType": "application/geo+json",
                                                                  "location": {"type": "Point", "coordinates": [131.8412, 34.6801]}}],
                         "Datastreams": [{"name": "水位", "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                                          "unitOfMeasurement": {"name": "metre", "symbol": "m"},
                                          "Sensor": {"name": "radar", "encodingType": "text/plain", "metadata": "RLS-100"},
                                          "ObservedProperty": {"name": "水位", "definition": "http://vocabs.example.jp/water-level"}}]}""")));
        assertThat(gauge.statusCode()).as(gauge.body()).isEqualTo(201);
        long datastream = json.readTree(new SignInBrowser(port).get(gauge.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^http://[^/]+", "") + "/Datastreams").body()).path("value").get(0).path("@iot.id").asLong();

        HttpResponse<String> observation = device.send(withToken(device.request("/sta/v1.1/Datastreams(" + datastream + ")/Observations"), sensor)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"phenomenonTime\": \"2026-12-08T09:00:00+09:00\", \"result\": 1.42}")));
        HttpResponse<String> dataArray = device.send(withToken(device.request("/sta/v1.1/CreateObservations"), sensor)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("[{\"Datastream\": {\"@iot.id\": " + datastream
                        + "}, \"components\": [\"phenomenonTime\", \"result\"], \"dataArray\": [[\"2026-12-08T09:10:00+09:00\", 1.55]]}]")));
        HttpResponse<String> thing = device.send(withToken(device.request("/sta/v1.1/Things"), sensor)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\": \"偽の水位計\"}")));
        HttpResponse<String> anonymous = device.send(device.request("/sta/v1.1/Datastreams(" + datastream + ")/Observations")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"result\": 9.9}")));
        HttpResponse<String> open311 = device.send(device.request("/open311/v2/requests.json")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(open311Request(sensor))));

        assertThat(observation.statusCode()).as(observation.body()).isEqualTo(201);
        assertThat(dataArray.statusCode()).as(dataArray.body()).isEqualTo(201);
        assertProblem(thing, 403, "urn:chizu:problem:forbidden");
        assertThat(anonymous.statusCode()).as("writing needs staff or a device's token").isEqualTo(401);
        assertThat(open311.statusCode()).isEqualTo(403);
        assertThat(open311.body()).contains("Invalid api_key");
        assertProblem(device.send(withToken(device.request("/api/layers"), sensor)), 403, "urn:chizu:problem:forbidden");
        assertThat(new SignInBrowser(port).get("/sta/v1.1/Datastreams(" + datastream + ")/Observations?$count=true").body())
                .as("reading is public").contains("\"@iot.count\":2");
    }

    @Test
    void aDeviceCannotSignInToPages() throws Exception {
        String token = clients.issue("camera-7", Set.of("sensors:observe")).token();

        HttpResponse<String> refused = new SignInBrowser(port).signIn("camera-7", token);

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    }

    private static String open311Request(String key) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("api_key", key, "jurisdiction_id", "masuda.example.lg.jp",
                "service_code", "pothole", "lat", "34.67138", "long", "131.8430", "description", "交差点の手前に深い穴"));
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private List<String> layerIds(HttpResponse<String> response) throws IOException {
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).path("layers").forEach(layer -> ids.add(layer.path("id").asText()));
        return ids;
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(type);
    }
}
