package org.chizu.app.forestry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A forestry firm and the town's staff through the whole application on the sample town's laser
 * survey: the firm applies for sub-compartments under the terms, staff approve with the surveying
 * body's reference, the firm downloads the CHM as a Cloud-Optimized GeoTIFF, and the download shows in
 * the KPI; every refusal on the way is problem+json.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForestryAccessHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("forestry-access-archive")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    StaffAccounts staff;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    String staffToken;
    long firm;
    long survey;
    List<Long> compartments;

    /** 山田林業 is an approved organisation administered by the resident yamada; sato belongs to none. */
    @BeforeAll
    void anApprovedFirmAndTheSampleSurvey() {
        firm = ApprovedFirm.of(context, "yamada@example.jp", "山田林業株式会社").organisation();
        ApprovedFirm.resident(context, "sato@example.jp");
        staffToken = staff.create("tanaka", "田中 一郎", Role.STAFF).token().token();
        survey = jdbc.queryForObject("select survey_id from laser_product where kind = 'chm' order by survey_id limit 1", Long.class);
        compartments = jdbc.queryForList("""
                select f.id from forests f where exists (select from laser_tile t where t.survey_id = ? and ST_Intersects(t.footprint, f.geom))
                order by f.id limit 2""", Long.class, survey);
    }

    SignInBrowser signedIn(String email) throws Exception {
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn(email, ApprovedFirm.PASSWORD);
        return browser;
    }

    HttpResponse<String> asStaff(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + staffToken);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    String application(String products) throws Exception {
        return """
                {"organisation": %d, "compartments": %s, "products": %s, "purpose": "間伐計画と作業道の路線選定",
                 "termsVersion": "%s"}""".formatted(firm, json.writeValueAsString(compartments), products, terms());
    }

    String terms() throws Exception {
        return json.readTree(new SignInBrowser(port).get("/api/forestry/terms").body()).path("version").asText();
    }

    @Test
    void aFirmAppliesStaffApproveAndTheFirmDownloadsTheCanopyHeightModelWhichTheKpiCounts() throws Exception {
        assertThat(compartments).as("the sample survey lies over sub-compartments of the forests layer").isNotEmpty();
        SignInBrowser yamada = signedIn("yamada@example.jp");
        String chm = "/api/forestry/surveys/" + survey + "/products/chm.tif";
        HttpResponse<String> early = yamada.get(chm);
        assertThat(early.statusCode()).as("no approved application yet").isEqualTo(403);
        assertProblem(early);

        HttpResponse<String> applied = yamada.sendJson("POST", "/api/forestry/applications", application("[\"chm\", \"tree_points\"]"));
        assertThat(applied.statusCode()).isEqualTo(201);
        long id = json.readTree(applied.body()).path("id").asLong();
        JsonNode mine = json.readTree(yamada.get("/api/forestry/applications").body()).path("applications");
        assertThat(mine).singleElement().satisfies(application -> {
            assertThat(application.path("status").asText()).isEqualTo("pending");
            assertThat(application.path("area").path("type").asText()).isEqualTo("MultiPolygon");
            assertThat(application.path("compartments")).hasSize(compartments.size());
        });
        JsonNode pending = json.readTree(asStaff("GET", "/staff/api/forestry/applications?status=pending", null).body());
        assertThat(pending.path("applications")).anySatisfy(application -> assertThat(application.path("id").asLong()).isEqualTo(id));
        assertThat(pending.path("organisations").path(String.valueOf(firm)).asText()).isEqualTo("山田林業株式会社");

        HttpResponse<String> approved = asStaff("PUT", "/staff/api/forestry/applications/" + id + "/decision",
                "{\"decision\": \"approved\", \"surveyApproval\": \"国地達第 123 号\"}");
        assertThat(approved.statusCode()).isEqualTo(204);
        HttpResponse<String> download = yamada.get(chm);
        long length = download.headers().firstValueAsLong("Content-Length").orElseThrow();

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/tiff"));
        assertThat(download.body().substring(0, 4)).as("a little-endian TIFF (classic or BigTIFF)").isIn("II*\0", "II+\0");
        assertThat(yamada.get("/api/forestry/surveys/" + survey + "/products/dem.tif").statusCode())
                .as("the DEM was not applied for").isEqualTo(403);
        HttpResponse<String> range = yamada.send(yamada.request(chm).header("Range", "bytes=100-199"));
        assertThat(range.statusCode()).as("a COG reader's range").isEqualTo(206);
        assertThat(range.headers().firstValueAsLong("Content-Length")).hasValue(100);
        JsonNode kpis = json.readTree(asStaff("GET", "/staff/api/forestry/kpis", null).body());
        assertThat(kpis.path("downloads").asLong()).as("the range continued the download logged at its first byte").isEqualTo(1);
        assertThat(kpis.path("organisationsUsing").asLong()).isEqualTo(1);
        assertThat(kpis.path("downloadsPerMonth")).anySatisfy(month -> {
            assertThat(month.path("month").asText()).isEqualTo(YearMonth.now(ZoneId.of("Asia/Tokyo")).toString());
            assertThat(month.path("bytes").asLong()).isEqualTo(length);
        });
    }

    @Test
    void whoMayDoWhatIsRefusedAsProblemJson() throws Exception {
        SignInBrowser sato = signedIn("sato@example.jp");
        SignInBrowser yamada = signedIn("yamada@example.jp");
        SignInBrowser anonymous = new SignInBrowser(port);

        HttpResponse<String> notAMember = sato.sendJson("POST", "/api/forestry/applications", application("[\"dem\"]"));
        HttpResponse<String> anonymousApplies = anonymous.sendJson("POST", "/api/forestry/applications", application("[\"dem\"]"));
        HttpResponse<String> firmDecides = yamada.sendJson("PUT", "/staff/api/forestry/applications/1/decision",
                "{\"decision\": \"approved\", \"surveyApproval\": \"x\"}");
        HttpResponse<String> noTerms = yamada.sendJson("POST", "/api/forestry/applications",
                application("[\"dem\"]").replace(terms(), "2000-01"));
        HttpResponse<String> noSuchProduct = yamada.get("/api/forestry/surveys/999999/products/dem.tif");
        HttpResponse<String> unknownApplication = asStaff("PUT", "/staff/api/forestry/applications/999999/decision",
                "{\"decision\": \"refused\", \"reason\": \"区域外\"}");

        assertThat(notAMember.statusCode()).isEqualTo(403);
        assertThat(anonymousApplies.statusCode()).isIn(401, 403);
        assertThat(firmDecides.statusCode()).isEqualTo(403);
        assertThat(noTerms.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noTerms.body()).path("field").asText()).isEqualTo("termsVersion");
        assertThat(noSuchProduct.statusCode()).isEqualTo(404);
        assertThat(unknownApplication.statusCode()).isEqualTo(404);
        List.of(notAMember, anonymousApplies, firmDecides, noTerms, noSuchProduct, unknownApplication).forEach(this::assertProblem);
    }

    @Test
    void anyoneReadsEachSurveyedSubcompartmentsTreesInFiguresWithTheVolumeMarkedAsAnEstimate() throws Exception {
        SignInBrowser anyone = new SignInBrowser(port);

        JsonNode answer = json.readTree(anyone.get("/api/forestry/surveys/" + survey + "/compartments").body());

        assertThat(answer.path("volumeNote").path("ja").asText()).contains("推定値");
        assertThat(answer.path("volumeNote").path("en").asText()).contains("estimates");
        JsonNode figures = answer.path("figures");
        long treesInTheRegister = jdbc.queryForObject("""
                select count(*) from forest_tree_point t
                where t.survey_id = ? and exists (select from forests f where ST_Intersects(f.geom, t.geom))""", Long.class, survey);
        long counted = 0;
        JsonNode densest = null;
        for (JsonNode stand : figures) {
            counted += stand.path("treeCount").asLong();
            if (densest == null || stand.path("treeCount").asLong() > densest.path("treeCount").asLong()) {
                densest = stand;
            }
        }
        assertThat(counted).as("every tree standing in a sub-compartment is counted").isGreaterThanOrEqualTo(treesInTheRegister);
        JsonNode stand = densest;
        assertThat(stand.path("species").asText()).as("the survey was flown over the largest スギ stand").isEqualTo("スギ");
        assertThat(stand.path("treesPerHa").asDouble()).isBetween(200.0, 3000.0);
        assertThat(stand.path("meanHeightM").asDouble()).isBetween(5.0, 40.0);
        assertThat(stand.path("topHeightM").asDouble()).isGreaterThan(stand.path("meanHeightM").asDouble());
        assertThat(stand.path("volumeM3Estimate").asDouble()).isPositive();
        assertThat(stand.path("volumeM3PerHaEstimate").asDouble())
                .isCloseTo(stand.path("volumeM3Estimate").asDouble() / stand.path("surveyedHa").asDouble(), within(1.0));
        assertThat(stand.path("surveyedShare").asDouble()).isBetween(0.0, 1.0);

        JsonNode one = json.readTree(anyone.get("/api/forestry/compartments/" + stand.path("compartmentId").asLong()).body());
        assertThat(one.path("figures")).singleElement().isEqualTo(stand);
        long outside = jdbc.queryForObject("""
                select id from forests f where not exists (select from laser_tile t where ST_Intersects(t.footprint, f.geom))
                order by id limit 1""", Long.class);
        assertThat(json.readTree(anyone.get("/api/forestry/compartments/" + outside).body()).path("figures")).isEmpty();
        HttpResponse<String> unknownCompartment = anyone.get("/api/forestry/compartments/99999999");
        HttpResponse<String> unknownSurvey = anyone.get("/api/forestry/surveys/99999999/compartments");
        assertThat(unknownCompartment.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknownCompartment.body()).path("compartment").asLong()).isEqualTo(99999999L);
        assertThat(unknownSurvey.statusCode()).isEqualTo(404);
        List.of(unknownCompartment, unknownSurvey).forEach(this::assertProblem);
    }

    @Test
    void theSurveysFiguresDownloadAsACsvWithARowPerSubcompartmentEqualToTheJsonAndTheVolumesNamedAsEstimates() throws Exception {
        String path = "/api/forestry/surveys/" + survey + "/compartments";
        JsonNode figures = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("figures");

        HttpResponse<byte[]> byParameter = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?f=csv")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> byAccept = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(byParameter.statusCode()).isEqualTo(200);
        assertThat(byParameter.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(byParameter.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("forestry-survey-" + survey + "-compartments.csv"));
        assertThat(byAccept.body()).isEqualTo(byParameter.body());
        byte[] bytes = byParameter.body();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 with a byte-order mark, for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotContainPattern("[^\r]\n");
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
        assertThat(rows.getFirst().getParser().getHeaderNames()).containsExactly("小班ID / Sub-compartment id", "林班 / Compartment",
                "小班 / Sub-compartment", "樹種 / Species", "面積 (ha) / Area (ha)", "計測ID / Survey id", "計測 / Survey",
                "計測された面積 (ha) / Surveyed area (ha)", "計測された割合 / Surveyed share", "立木本数 / Trees",
                "立木密度 (本/ha) / Trees per ha", "平均樹高 (m) / Mean height (m)", "上層樹高 (m) / Top height (m)",
                "材積 推定値 (m³) / Volume, estimate (m³)", "ha当たり材積 推定値 (m³/ha) / Volume per ha, estimate (m³/ha)");
        assertThat(rows).as("one row per sub-compartment").hasSize(figures.size()).isNotEmpty();
        List<String> fields = List.of("compartmentId", "compartment", "subcompartment", "species", "areaHa", "surveyId", "surveyName",
                "surveyedHa", "surveyedShare", "treeCount", "treesPerHa", "meanHeightM", "topHeightM", "volumeM3Estimate",
                "volumeM3PerHaEstimate");
        for (int r = 0; r < rows.size(); r++) {
            JsonNode stand = figures.get(r);
            CSVRecord row = rows.get(r);
            for (int c = 0; c < fields.size(); c++) {
                JsonNode value = stand.path(fields.get(c));
                String cell = row.get(c);
                if (value.isNull()) {
                    assertThat(cell).as(fields.get(c)).isEmpty();
                } else if (value.isNumber()) {
                    assertThat(new BigDecimal(cell)).as(fields.get(c)).isEqualByComparingTo(value.decimalValue());
                } else {
                    assertThat(cell).as(fields.get(c)).isEqualTo(value.asText());
                }
            }
        }

        HttpResponse<String> badFormat = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?f=xlsx")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badFormat.body()).path("parameter").asText()).isEqualTo("f");
        assertProblem(badFormat);
    }

    void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().getPath())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
