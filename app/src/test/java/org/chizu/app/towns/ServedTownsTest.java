package org.chizu.app.towns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.app.towns.ShimaneN03.HAMADA_LAT;
import static org.chizu.app.towns.ShimaneN03.HAMADA_LON;
import static org.chizu.app.towns.ShimaneN03.IZUMO_LAT;
import static org.chizu.app.towns.ShimaneN03.IZUMO_LON;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.app.reports.MultipartForm;
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

/**
 * A second town, 浜田市 (Hamada), added while running from Shimane's 国土数値情報 N03 file beside the
 * hillside street of 益田市 (Masuda): both are served everywhere — the safety lookup, downloads cut
 * with {@code within=CODE}, the standard datasets' municipality codes, report routing and the catalog —
 * and a place outside both is still refused.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServedTownsTest {

    /** Tokyo Station: inside no town served. */
    static final String TOKYO = "lon=139.767&lat=35.681";
    /** Beside the municipal road M-101 in Masuda. */
    static final String MASUDA = "lon=131.8430&lat=34.6720";
    static final String HAMADA = "lon=" + HAMADA_LON + "&lat=" + HAMADA_LAT;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();
    String adminToken;

    @BeforeAll
    void masudaAndThenHamada() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("hillside-town.sql"));
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("""
                insert into facilities (kind, name, address, capacity, for_landslide, for_flood, geom)
                values ('emergency_evacuation_site', '浜田市役所', '浜田市殿町', 300, true, true, st_setsrid(st_makepoint(?, ?), 6668))""",
                HAMADA_LON + 0.001, HAMADA_LAT);
        jdbc.update("""
                insert into report_routing_rule (priority, category, condition, body_code, body_name_ja, body_name_en, municipality_code)
                values (85, null, 'any', 'hamada_roads', '浜田市 建設部 維持管理課', 'Hamada City Maintenance Section', '32202')""");
        adminToken = accounts.create("town-admin", Role.ADMIN).token().token();

        HttpResponse<String> added = addTown(adminToken, "32202", "Hamada City", "shimane-n03.geojson", ShimaneN03.bytes());

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @Test
    void theSafetyLookupServesBothTownsAndStillRefusesAPlaceOutsideThem() throws Exception {
        JsonNode hamada = getJson("/api/safety?" + HAMADA);
        JsonNode masuda = getJson("/api/safety?" + MASUDA);
        JsonNode tokyo = getJson("/api/safety?" + TOKYO);

        assertThat(hamada.at("/area/served").asBoolean()).isTrue();
        assertThat(hamada.at("/area/municipality/name/ja").asText()).isEqualTo("浜田市");
        assertThat(hamada.at("/area/municipality/name/en").asText()).isEqualTo("Hamada City");
        assertThat(hamada.at("/shelters/shelters/0/name").asText()).isEqualTo("浜田市役所");
        assertThat(masuda.at("/area/municipality/name/ja").asText()).isEqualTo("益田市");
        assertThat(tokyo.at("/area/served").asBoolean()).isFalse();
        assertThat(tokyo.at("/summary/en").asText()).contains("outside the municipalities");
    }

    @Test
    void aDownloadWithinATownsCodeHoldsOnlyTheFeaturesInsideIt() throws Exception {
        JsonNode hamada = getJson("/data/facilities.geojson?within=32202");
        JsonNode masuda = getJson("/data/facilities.geojson?within=322041");

        assertThat(names(hamada)).containsExactly("浜田市役所");
        assertThat(names(masuda)).as("a code with its check digit").containsExactly("益田小学校");
        HttpResponse<String> unserved = get("/data/facilities.geojson?within=32201");
        assertThat(unserved.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unserved.body()).path("detail").asText())
                .startsWith("there is no municipality with code 32201; this service covers 32202, ").endsWith("32204");
    }

    @Test
    void theStandardDatasetNamesTheTownEachFeatureLiesIn() throws Exception {
        String csv = get("/data/facilities/emergency_evacuation_sites.csv", "text/csv").body();

        assertThat(csv.lines().filter(line -> line.contains("浜田市役所")).findFirst()).hasValueSatisfying(
                line -> assertThat(line).startsWith("322024,").contains("島根県浜田市"));
        assertThat(csv.lines().filter(line -> line.contains("益田小学校")).findFirst()).hasValueSatisfying(
                line -> assertThat(line).startsWith("322041,").contains("島根県益田市"));
    }

    @Test
    void aReportInHamadaIsTakenAndGoesToHamadasOfficeWhileMasudasGoToMasudas() throws Exception {
        HttpResponse<String> hamada = report(HAMADA_LON, HAMADA_LAT);
        HttpResponse<String> masuda = report(131.8430, 34.6720);
        HttpResponse<String> tokyo = report(139.767, 35.681);

        assertThat(hamada.statusCode()).as(hamada.body()).isEqualTo(201);
        assertThat(json.readTree(hamada.body()).at("/body/ja").asText()).isEqualTo("浜田市 建設部 維持管理課");
        assertThat(new JdbcTemplate(dataSource).queryForObject("select municipality_code from report where id = ?", String.class,
                json.readTree(hamada.body()).path("id").asLong())).isEqualTo("32202");
        assertThat(json.readTree(masuda.body()).at("/body/ja").asText()).isEqualTo("建設部 道路河川課");
        assertThat(tokyo.statusCode()).isEqualTo(422);
    }

    @Test
    void theCatalogNamesEveryTownItServes() throws Exception {
        String catalog = get("/catalog.ttl", "text/turtle").body();

        assertThat(catalog).contains("\"島根県浜田市\"@ja", "\"Hamada City\"@en", "\"322024\"", "\"島根県益田市\"@ja", "\"322041\"");
    }

    @Test
    void aTownAddedWhileRunningIsServedAtOnceAndListed() throws Exception {
        assertThat(getJson("/api/safety?lon=" + IZUMO_LON + "&lat=" + IZUMO_LAT).at("/area/served").asBoolean()).isFalse();

        HttpResponse<String> added = addTown(adminToken, "322032", null, "N03-21_32_210101.geojson", ShimaneN03.bytes());

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode answer = json.readTree(added.body());
        assertThat(answer.at("/town/code").asText()).isEqualTo("32203");
        assertThat(answer.at("/town/name/en").asText()).isEqualTo("Municipality 322032");
        assertThat(answer.path("englishNameMissing").asBoolean()).isTrue();
        JsonNode izumo = getJson("/api/safety?lon=" + IZUMO_LON + "&lat=" + IZUMO_LAT);
        assertThat(izumo.at("/area/municipality/name/ja").asText()).isEqualTo("出雲市");
        assertThat(getJson("/api/towns").findValuesAsText("fullCode")).contains("322024", "322032", "322041");
        assertThat(get("/catalog.ttl", "text/turtle").body()).contains("\"島根県出雲市\"@ja");
    }

    @Test
    void addingATownAgainReplacesItsBoundaryAndSaysSo() throws Exception {
        HttpResponse<String> again = addTown(adminToken, "322024", null, "shimane-n03.geojson", ShimaneN03.bytes());

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode answer = json.readTree(again.body());
        assertThat(answer.path("replaced").asBoolean()).isTrue();
        assertThat(answer.at("/town/name/en").asText()).as("the English name given before is kept").isEqualTo("Hamada City");
        assertThat(answer.path("message").asText()).startsWith("replaced the boundary of 浜田市 322024 (3 polygons)");
    }

    @Test
    void aWrongCheckDigitIsABadRequestNamingTheRightCode() throws Exception {
        HttpResponse<String> response = addTown(adminToken, "322021", null, "shimane-n03.geojson", ShimaneN03.bytes());

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblemJson(response);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("expected").asText()).isEqualTo("322024");
        assertThat(problem.at("/message/ja").asText()).contains("検査数字が違います", "322024");
    }

    @Test
    void aCodeTheFileLacksIsRefusedWithTheCodesTheFileHas() throws Exception {
        HttpResponse<String> response = addTown(adminToken, "13101", null, "shimane-n03.geojson", ShimaneN03.bytes());

        assertThat(response.statusCode()).isEqualTo(422);
        assertProblemJson(response);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("codeCount").asInt()).isEqualTo(19);
        assertThat(json.convertValue(problem.path("codesInFile"), List.class)).hasSize(10).startsWith("32201", "32202", "32203");
        assertThat(getJson("/api/towns").findValuesAsText("code")).doesNotContain("13101");
    }

    @Test
    void aFileThatIsNoN03FileIsRefusedWithItsColumns() throws Exception {
        byte[] roads = """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"route_no": "9", "name": "国道9号", "road_class": "national"},
                  "geometry": {"type": "LineString", "coordinates": [[131.84, 34.67], [131.86, 34.68]]}}]}
                """.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = addTown(adminToken, "32204", null, "roads.geojson", roads);

        assertThat(response.statusCode()).isEqualTo(422);
        assertProblemJson(response);
        assertThat(json.convertValue(json.readTree(response.body()).path("columns"), List.class))
                .containsExactly("route_no", "name", "road_class");
    }

    @Test
    void onlyStaffMayAddATownWhileAnyoneMayListThem() throws Exception {
        HttpResponse<String> anonymous = addTown(null, "32201", null, "shimane-n03.geojson", ShimaneN03.bytes());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(get("/api/towns").statusCode()).isEqualTo(200);
        assertThat(getJson("/api/towns").findValuesAsText("code")).doesNotContain("32201");
        assertThat(get("/staff/towns").statusCode()).as("the staff page").isEqualTo(401);
    }

    private static List<String> names(JsonNode featureCollection) {
        List<String> names = new ArrayList<>();
        featureCollection.path("features").forEach(feature -> names.add(feature.at("/properties/name").asText()));
        return names;
    }

    private static void assertProblemJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> addTown(String token, String code, String nameEn, String fileName, byte[] file) throws Exception {
        MultipartForm form = new MultipartForm().field("code", code);
        if (nameEn != null) {
            form.field("name-en", nameEn);
        }
        form.file("boundary", fileName, "application/geo+json", file);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/towns")).header("Content-Type", form.contentType())
                .header("Accept", "application/json").POST(form.publisher());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> report(double lon, double lat) throws Exception {
        MultipartForm form = new MultipartForm().field("category", "pothole").field("description", "道路に穴があります")
                .field("lon", String.valueOf(lon)).field("lat", String.valueOf(lat))
                .field("submissionKey", UUID.randomUUID().toString());
        return http.send(HttpRequest.newBuilder(uri("/api/reports")).header("Content-Type", form.contentType())
                .header("Accept", "application/json").POST(form.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, "application/json");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
