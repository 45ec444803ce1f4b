package org.chizu.app.forestry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sample town's laser survey found the ways tools look for data: in the DCAT catalog, the CKAN
 * API and SPARQL as a restricted dataset of its surveying body with a dataset per product (STAC, the
 * other way, is {@link LaserStacHttpTest}'s).
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.sample-town.enabled=true", "chizu.catalog.base-url=https://opendata.example.jp/chizu",
                "chizu.catalog.quality.check-links=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaserDiscoveryHttpTest {

    private static final String BASE = "https://opendata.example.jp/chizu";
    private static final String RESTRICTED = "http://publications.europa.eu/resource/authority/access-right/RESTRICTED";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("laser-discovery-archive")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    long survey;
    String dataset;

    @BeforeAll
    void theSampleSurvey() {
        survey = jdbc.queryForObject("select survey_id from laser_product where kind = 'chm' order by survey_id limit 1", Long.class);
        dataset = "laser-survey-" + survey;
    }

    @Test
    void theSurveyIsARestrictedDatasetOfItsSurveyingBodyWithItsExtentPeriodTermsAndLandingPage() throws Exception {
        Model model = turtle("/dataset/" + dataset + ".ttl");
        String uri = BASE + "/dataset/" + dataset;

        assertThat(select(model, """
                select ?rights ?creator ?publisher ?start ?end ?bbox ?licence ?landing where {
                  <%s> dct:accessRights ?rights; dct:creator/foaf:name ?creator; dct:publisher/foaf:name ?publisher;
                       dct:temporal [ dcat:startDate ?start; dcat:endDate ?end ]; dct:spatial/dcat:bbox ?bbox;
                       dcat:distribution/dct:license ?licence; dcat:landingPage ?landing
                  filter(lang(?creator) = 'ja' && lang(?publisher) = 'ja') }""".formatted(uri)))
                .containsExactly(List.of(RESTRICTED, "安来市（サンプル）", "安来市（サンプル）", "2026-01-01", "2026-01-01",
                        bboxOf(), BASE + "/api/forestry/terms", BASE + "/forestry?survey=" + survey));
        assertThat(select(model, "select ?statement where { <%s#rights> rdfs:label ?statement filter(lang(?statement) = 'ja') }"
                .formatted(uri)).getFirst().getFirst()).contains("測量計画機関の承認");
    }

    @Test
    void eachProductIsARestrictedDatasetPartOfTheSurveyWithItsCogAtTheAccessControlledAddress() throws Exception {
        Model model = turtle("/catalog.ttl");

        List<List<String>> products = select(model, """
                select ?product ?rights ?download ?media where {
                  ?product dct:isPartOf <%s/dataset/%s>; dct:accessRights ?rights;
                           dcat:distribution [ dcat:downloadURL ?download; dcat:mediaType ?media ] } order by ?download"""
                .formatted(BASE, dataset));
        assertThat(products).extracting(row -> row.get(2)).containsExactly(List.of("chm", "cs-relief", "dem", "dsm", "hillshade", "slope")
                .stream().map(kind -> BASE + "/api/forestry/surveys/" + survey + "/products/" + kind + ".tif").toArray(String[]::new));
        assertThat(products).allSatisfy(row -> {
            assertThat(row.get(1)).isEqualTo(RESTRICTED);
            assertThat(row.get(3)).isEqualTo("http://www.iana.org/assignments/media-types/image/tiff");
        });
        assertThat(select(model, "select ?dataset where { ?dataset dct:accessRights <%s> }".formatted(RESTRICTED))).hasSize(7);
    }

    @Test
    void theSurveysEntriesConformToTheMandatoryRangeAndDeprecationShapesOfDcatAp301() throws Exception {
        Model data = turtle("/catalog.ttl");
        data.add(turtle("/catalog.ttl?page=1"));
        data.add(turtle("/dataset/" + dataset + ".ttl"));
        data.add(turtle("/dataset/" + dataset + "-dem.ttl"));
        Model shapes = ModelFactory.createDefaultModel();
        for (String file : List.of("dcat-ap-3.0.1-shapes.ttl", "dcat-ap-3.0.1-range.ttl", "dcat-ap-3.0.1-deprecateduris.ttl")) {
            Path path = sharedData().resolve("dcat-ap").resolve(file);
            assertThat(path).as("the DCAT-AP shapes (set CHIZU_SHARED_DATA or run through ./chizu test)").isRegularFile();
            RDFDataMgr.read(shapes, path.toUri().toString());
        }
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapes.getGraph()), data.getGraph());

        assertThat(report.getEntries().stream().filter(e -> e.severity().level().getURI().endsWith("Violation"))
                .map(e -> e.focusNode() + " " + e.resultPath() + ": " + e.message()).toList()).isEmpty();
    }

    @Test
    void ckanListsShowsAndFindsTheSurveyWithItsAccessRightsAndAuthor() throws Exception {
        JsonNode list = getJson("/api/3/action/package_list").get("result");
        assertThat(list.toString()).contains("\"" + dataset + "\"", "\"" + dataset + "-chm\"");

        JsonNode pkg = getJson("/api/3/action/package_show?id=" + dataset).get("result");
        assertThat(pkg.get("author").asText()).isEqualTo("安来市（サンプル）");
        assertThat(pkg.get("license_id").asText()).isEqualTo("other-closed");
        assertThat(pkg.get("url").asText()).isEqualTo(BASE + "/forestry?survey=" + survey);
        assertThat(pkg.get("extras").findValuesAsText("value")).contains(RESTRICTED, "2026-01-01");
        assertThat(getJson("/api/3/action/package_show?id=" + pkg.get("id").asText()).at("/result/name").asText()).isEqualTo(dataset);

        JsonNode found = getJson("/api/3/action/package_search?q=" + URLEncoder.encode("航空レーザ計測", StandardCharsets.UTF_8) + "&rows=100")
                .get("result");
        assertThat(found.get("count").asInt()).isEqualTo(7);
        assertThat(found.get("results").findValuesAsText("name")).contains(dataset, dataset + "-cs-relief");
        assertThat(getJson("/api/3/action/package_search?fq=res_format:GeoTIFF&rows=100").at("/result/count").asInt()).isEqualTo(6);
    }

    @Test
    void sparqlFindsTheRestrictedDatasetsAndTheirCreator() throws Exception {
        String query = """
                PREFIX dct: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                SELECT ?d ?body WHERE { ?d dct:accessRights <%s>; dct:creator/foaf:name ?body } ORDER BY ?d""".formatted(RESTRICTED);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sparql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode bindings = json.readTree(answer.body()).at("/results/bindings");
        assertThat(bindings.findValuesAsText("value")).contains(BASE + "/dataset/" + dataset, "安来市（サンプル）");
        assertThat(bindings.size()).isEqualTo(14); // seven datasets, the body's name in Japanese and English
    }

    /** The tiles' extent as the catalog writes a box: a CRS84 polygon of the plainest decimals. */
    private String bboxOf() {
        return jdbc.queryForObject("""
                select ST_XMin(x), ST_YMin(x), ST_XMax(x), ST_YMax(x) from (select ST_Extent(footprint) x from laser_tile where survey_id = ?) b""",
                (row, n) -> {
                    String w = plain(row.getDouble(1)), s = plain(row.getDouble(2)), e = plain(row.getDouble(3)), north = plain(row.getDouble(4));
                    return "POLYGON((%1$s %2$s, %3$s %2$s, %3$s %4$s, %1$s %4$s, %1$s %2$s))".formatted(w, s, e, north);
                }, survey);
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private Model turtle(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(response.body())).lang(Lang.TURTLE).parse(model);
        return model;
    }

    private static List<List<String>> select(Model model, String query) {
        String prefixes = """
                PREFIX dct: <http://purl.org/dc/terms/> PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                """;
        List<List<String>> rows = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.model(model).query(prefixes + query).build()) {
            execution.execSelect().forEachRemaining(solution -> {
                List<String> row = new ArrayList<>();
                solution.varNames().forEachRemaining(name -> {
                    var node = solution.get(name);
                    row.add(node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
                });
                rows.add(row);
            });
        }
        return rows;
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path sharedData() {
        String configured = System.getenv("CHIZU_SHARED_DATA");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
    }
}
