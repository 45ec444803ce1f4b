package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code /api/safety} as other programs call it: JSON answers, problem+json errors. */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;
    @Autowired
    StaffAccounts accounts;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void loadHillsideTown() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("hillside-town.sql"));
        }
    }

    @Test
    void aPointInsideTheLandslideZoneGetsTheZoneAndTheShelterInJapaneseAndEnglish() throws Exception {
        HttpResponse<String> response = get("/api/safety?lon=131.8425&lat=34.6725");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.at("/area/municipality/name/ja").asText()).isEqualTo("益田市");
        assertThat(answer.at("/hazardZones/0/kindLabel/ja").asText()).isEqualTo("土砂災害警戒区域");
        assertThat(answer.at("/hazardZones/0/kindLabel/en").asText()).isEqualTo("Landslide warning zone");
        assertThat(answer.at("/shelters/basis").asText()).isEqualTo("DESIGNATED");
        assertThat(answer.at("/shelters/shelters/0/name").asText()).isEqualTo("益田小学校");
        assertThat(answer.at("/shelters/shelters/0/suitable").asBoolean()).isTrue();
        assertThat(answer.at("/shelters/shelters/0/distanceMetres").asDouble()).isBetween(320.0, 340.0);
        assertThat(answer.at("/shelters/shelters/0/walkingMinutes").asInt()).isEqualTo(5);
        assertThat(answer.at("/distances/method").asText()).isEqualTo("straight_line");
    }

    @Test
    void aLatitudeOutOfRangeIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> response = get("/api/safety?lon=131.84&lat=134.67");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("detail").asText())
                .startsWith("lat must be a number between -90.0 and 90.0");
    }

    @Test
    void aLongitudeThatIsNoNumberOrIsMissingIsABadRequest() throws Exception {
        assertThat(get("/api/safety?lon=east&lat=34.67").statusCode()).isEqualTo(400);
        assertThat(get("/api/safety?lat=34.67").statusCode()).isEqualTo(400);
        assertThat(get("/api/safety?lon=181&lat=34.67").statusCode()).isEqualTo(400);
    }

    @Test
    void aPlaceOutsideTheTownIsSaidToBeOutsideTheServedArea() throws Exception {
        JsonNode answer = json.readTree(get("/api/safety?lon=139.767&lat=35.681").body());

        assertThat(answer.at("/area/served").asBoolean()).isFalse();
        assertThat(answer.at("/summary/en").asText()).contains("outside the municipalities");
        assertThat(answer.path("shelters").isMissingNode()).isTrue();
    }

    @Test
    void thePublicMayNotOpenAShelter() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/safety/shelters/1/opening"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(get("/api/safety/shelters/open").body()).isEqualTo("{\"open\":[]}");
    }

    @Test
    void staffOpenAShelterWithTheirTokenAndThePublicSeesItOpen() throws Exception {
        String token = accounts.create("shelter-officer", Role.STAFF).token().token();
        long shelter = new JdbcTemplate(dataSource).queryForObject(
                "select min(id) from facilities where kind in ('designated_shelter', 'emergency_evacuation_site')", Long.class);

        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(uri("/api/safety/shelters/" + shelter + "/opening"))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(204);
        assertThat(get("/api/safety/shelters/open").body()).isEqualTo("{\"open\":[" + shelter + "]}");

        HttpResponse<String> closed = http.send(HttpRequest.newBuilder(uri("/api/safety/shelters/" + shelter + "/opening"))
                .header("Authorization", "Bearer " + token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).isEqualTo(204);
        assertThat(get("/api/safety/shelters/open").body()).isEqualTo("{\"open\":[]}");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
