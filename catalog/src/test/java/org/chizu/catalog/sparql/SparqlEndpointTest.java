package org.chizu.catalog.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.chizu.catalog.RunningCatalog;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.changes.LayerChanges;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SPARQL endpoint over the test town plus shelters and hazard zones around 131.85 34.67
 * (fixtures/shelters.sql), with a small result limit and a short timeout so that both show.
 */
@TestPropertySource(properties = {"chizu.sparql.result-limit=5", "chizu.sparql.timeout=2s"})
class SparqlEndpointTest extends RunningCatalog {

    private static final String PREFIXES = """
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX geof: <http://www.opengis.net/def/function/geosparql/>
            PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>
            PREFIX spatial: <http://jena.apache.org/spatial#>
            PREFIX spatialF: <http://jena.apache.org/function/spatial#>
            PREFIX dcat: <http://www.w3.org/ns/dcat#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX fac: <%1$s/def/facilities#>
            PREFIX hz: <%1$s/def/hazard_zones#>
            """.formatted(BASE);

    private static final String SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM = PREFIXES + """
            SELECT ?name ?distance WHERE {
              ?shelter spatial:nearbyGeom ("POINT(131.85 34.67)"^^geo:wktLiteral 2 uom:kilometre) ;
                       a fac:Feature ; fac:name ?name ; fac:kind ?kind ; fac:for_landslide true ;
                       geo:hasGeometry/geo:asWKT ?wkt .
              FILTER (?kind IN ("designated_shelter", "emergency_evacuation_site"))
              BIND (spatialF:greatCircleGeom(?wkt, "POINT(131.85 34.67)"^^geo:wktLiteral, uom:metre) AS ?distance)
            }
            ORDER BY ?distance
            """;

    private static final String POSTGIS_SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM = """
            select name, st_distance(geom::geography, point::geography) as distance
            from facilities, (select st_setsrid(st_makepoint(131.85, 34.67), 6668) as point) as here
            where kind in ('designated_shelter', 'emergency_evacuation_site') and for_landslide
              and st_dwithin(geom::geography, point::geography, 2000)
            order by distance""";

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private LayerChanges layerChanges;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void loadShelters() {
        new ResourceDatabasePopulator(new ClassPathResource("fixtures/shelters.sql")).execute(jdbc.getDataSource());
    }

    @Test
    void sheltersForLandslidesWithin2KmAreThoseThatPostgisFindsNearestFirst() throws Exception {
        List<Map<String, Object>> expected = jdbc.queryForList(POSTGIS_SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM);
        assertThat(expected).extracting(row -> row.get("name"))
                .containsExactly("高津地区振興センター", "高津川河川敷公園", "吉田グラウンド");

        List<QuerySolution> rows = select(SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM);

        assertThat(rows).extracting(row -> row.getLiteral("name").getString())
                .containsExactlyElementsOf(expected.stream().map(row -> (String) row.get("name")).toList());
        for (int i = 0; i < rows.size(); i++) {
            double postgis = ((Number) expected.get(i).get("distance")).doubleValue();
            assertThat(rows.get(i).getLiteral("distance").getDouble()).isCloseTo(postgis, within(postgis * 0.005));
        }
    }

    @Test
    void hazardZonesContainingAPointAreTheFloodAndLandslideZonesThere() throws Exception {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?kind ?name WHERE {
                  ?zone a hz:Feature ; hz:kind ?kind ; hz:name ?name ; geo:hasGeometry/geo:asWKT ?wkt .
                  FILTER (geof:sfContains(?wkt, "POINT(131.85 34.67)"^^geo:wktLiteral))
                }
                ORDER BY ?kind
                """);

        assertThat(rows).extracting(row -> row.getLiteral("kind").getString() + " " + row.getLiteral("name").getString())
                .containsExactly("flood 高津川洪水浸水想定区域", "landslide_warning 高津三丁目土砂災害警戒区域");
        assertThat(jdbc.queryForList("""
                select kind from hazard_zones where st_contains(geom, st_setsrid(st_makepoint(131.85, 34.67), 6668)) order by kind""",
                String.class)).containsExactly("flood", "landslide_warning");
    }

    @Test
    void theCatalogsDatasetsAreListedWithTheirJapaneseTitles() throws Exception {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?dataset ?title WHERE {
                  ?dataset a dcat:Dataset ; dct:title ?title .
                  FILTER (lang(?title) = "ja")
                }
                ORDER BY ?dataset
                """);

        assertThat(rows).extracting(row -> row.getResource("dataset").getURI() + " " + row.getLiteral("title").getString())
                .containsExactly(BASE + "/dataset/facilities 施設・避難所", BASE + "/dataset/forests 森林簿（林班・小班）",
                        BASE + "/dataset/hazard_zones ハザード区域", BASE + "/dataset/roads 道路");
    }

    @Test
    void aFeatureBelongsToItsDatasetAndItsPropertiesSayWhatTheyMeanInJapaneseAndEnglish() throws Exception {
        List<QuerySolution> rows = select(PREFIXES + """
                SELECT ?feature ?datasetTitle ?labelJa ?labelEn WHERE {
                  ?feature fac:name "吉田グラウンド" ; dct:isPartOf ?dataset .
                  ?dataset dct:title ?datasetTitle . FILTER (lang(?datasetTitle) = "ja")
                  fac:for_landslide rdfs:label ?labelJa , ?labelEn .
                  FILTER (lang(?labelJa) = "ja" && lang(?labelEn) = "en")
                }
                """);

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getResource("feature").getURI()).startsWith(BASE + "/ogc/collections/facilities/items/");
        assertThat(rows.getFirst().getLiteral("datasetTitle").getString()).isEqualTo("施設・避難所");
        assertThat(rows.getFirst().getLiteral("labelJa").getString()).isEqualTo("崖崩れ・土石流及び地滑り");
        assertThat(rows.getFirst().getLiteral("labelEn").getString()).isEqualTo("Landslide and debris flow");
    }

    @Test
    void staffOnlyLayersAndLineLayersAreNotInTheDataset() throws Exception {
        HttpResponse<String> response = get("/sparql?query=" + encode(
                "ASK { ?f a ?type . FILTER (?type IN (<" + BASE + "/def/water_pipes#Feature>, <" + BASE + "/def/roads#Feature>)) }"));

        assertThat(json.readTree(response.body()).path("boolean").asBoolean(true)).isFalse();
    }

    @Test
    void aQueryMayBePostedAsAFormOrAsASparqlQueryBody() throws Exception {
        HttpResponse<String> form = post("application/x-www-form-urlencoded", "query=" + encode(SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM), null);
        HttpResponse<String> body = post("application/sparql-query", SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM, null);

        for (HttpResponse<String> response : List.of(form, body)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(names(ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON)))
                    .containsExactly("高津地区振興センター", "高津川河川敷公園", "吉田グラウンド");
        }
    }

    @Test
    void resultsComeAsJsonXmlCsvOrTsvAsTheClientAccepts() throws Exception {
        String query = "/sparql?query=" + encode(SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM);

        HttpResponse<String> jsonResults = get(query, "Accept", "application/sparql-results+json");
        HttpResponse<String> xml = get(query, "Accept", "application/sparql-results+xml");
        HttpResponse<String> csv = get(query, "Accept", "text/csv");
        HttpResponse<String> tsv = get(query, "Accept", "text/tab-separated-values");

        assertThat(jsonResults.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/sparql-results+json"));
        assertThat(json.readTree(jsonResults.body()).path("head").path("vars").toString()).isEqualTo("[\"name\",\"distance\"]");
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/sparql-results+xml"));
        assertThat(names(ResultSetMgr.read(new ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_XML)))
                .containsExactly("高津地区振興センター", "高津川河川敷公園", "吉田グラウンド");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().toList()).hasSize(4).first().isEqualTo("name,distance");
        assertThat(csv.body().lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList())
                .containsExactly("高津地区振興センター", "高津川河川敷公園", "吉田グラウンド");
        assertThat(tsv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/tab-separated-values"));
        assertThat(tsv.body().lines().toList()).hasSize(4).first().isEqualTo("?name\t?distance");
    }

    @Test
    void aConstructQueryAnswersInTurtle() throws Exception {
        HttpResponse<String> response = get("/sparql?query=" + encode(PREFIXES + """
                CONSTRUCT { ?shelter fac:name ?name } WHERE { ?shelter fac:name ?name ; fac:capacity 2000 }
                """), "Accept", "text/turtle");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/turtle"));
        Model model = turtle(response.body());
        assertThat(model.listObjects().mapWith(node -> node.asLiteral().getString()).toList()).containsExactly("高津川河川敷公園");
    }

    @Test
    void aConstructQueryForAFormatNotOfferedNamesTheFormatsAsTheCatalogDoes() throws Exception {
        HttpResponse<String> response = get("/sparql?query=" + encode(PREFIXES + """
                CONSTRUCT { ?shelter fac:name ?name } WHERE { ?shelter fac:name ?name }
                """), "Accept", "image/png");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(json.readTree(response.body()).get("detail").asText()).isEqualTo("This answer is offered as "
                + "text/turtle, application/rdf+xml, application/ld+json and application/n-triples.");
    }

    @Test
    void aSelectQueryForAFormatNotOfferedNamesTheResultsFormats() throws Exception {
        HttpResponse<String> response = get("/sparql?query=" + encode(PREFIXES + """
                SELECT ?name WHERE { ?shelter fac:name ?name }
                """), "Accept", "image/png");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(json.readTree(response.body()).get("detail").asText()).isEqualTo("This answer is offered as "
                + "application/sparql-results+json, application/sparql-results+xml, text/csv and text/tab-separated-values.");
    }

    @Test
    void aSyntaxErrorIsA400ThatSaysWhere() throws Exception {
        HttpResponse<String> response = get("/sparql?query=" + encode("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER (?s = = ?o)\n}"),
                "Accept", "application/sparql-results+json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:chizu:problem:sparql-syntax");
        assertThat(problem.path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("column").asInt()).isEqualTo(16);
        assertThat(problem.path("detail").asText()).contains("line 3, column 16").doesNotContain("Was expecting");
    }

    @Test
    void updatesAreRefusedHoweverTheyCome() throws Exception {
        String insert = "INSERT DATA { <urn:x> <urn:y> \"z\" }";

        List<HttpResponse<String>> responses = List.of(
                get("/sparql?query=" + encode(insert)),
                post("application/sparql-query", insert, null),
                post("application/sparql-update", insert, null),
                post("application/x-www-form-urlencoded", "update=" + encode(insert), null));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("urn:chizu:problem:sparql-read-only");
        }
        assertThat(json.readTree(get("/sparql?query=" + encode("ASK { <urn:x> ?p ?o }")).body()).path("boolean").asBoolean(true)).isFalse();
    }

    @Test
    void namedDatasetsAndFederatedQueriesAreRefused() throws Exception {
        HttpResponse<String> graphs = get("/sparql?default-graph-uri=" + encode("urn:g") + "&query=" + encode("ASK {}"));
        HttpResponse<String> from = get("/sparql?query=" + encode("SELECT * FROM <http://example.org/data> { ?s ?p ?o }"));
        HttpResponse<String> service = get("/sparql?query=" + encode("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"));

        assertThat(graphs.statusCode()).isEqualTo(400);
        assertThat(json.readTree(graphs.body()).path("type").asText()).isEqualTo("urn:chizu:problem:sparql-dataset-refused");
        assertThat(from.statusCode()).isEqualTo(400);
        assertThat(service.statusCode()).isEqualTo(400);
    }

    @Test
    void aLargeAnswerIsCutToTheResultLimitAndSaysSo() throws Exception {
        HttpResponse<String> everything = get("/sparql?query=" + encode("SELECT * { ?s ?p ?o }"));
        HttpResponse<String> small = get("/sparql?query=" + encode(SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM));

        assertThat(json.readTree(everything.body()).path("results").path("bindings").size()).isEqualTo(5);
        assertThat(everything.headers().firstValue(SparqlController.TRUNCATED_HEADER)).hasValue("true");
        assertThat(everything.headers().firstValue(SparqlController.LIMIT_HEADER)).hasValue("5");
        assertThat(small.headers().firstValue(SparqlController.TRUNCATED_HEADER)).isEmpty();
    }

    @Test
    void aQueryThatRunsTooLongIsStoppedWithAClearProblem() throws Exception {
        HttpResponse<String> response = get("/sparql?query=" + encode(
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"));

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:chizu:problem:sparql-timeout");
        assertThat(problem.path("detail").asText()).startsWith("The query took longer than 2 s");
    }

    @Test
    void aNewShelterIsFoundOnceItsChangeIsAnnounced() throws Exception {
        String query = PREFIXES + "SELECT ?name { ?s fac:name ?name FILTER (?name = \"匹見避難所\") }";
        assertThat(select(query)).isEmpty();

        transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into facilities (kind, name, for_landslide, geom)
                    values ('designated_shelter', '匹見避難所', true, st_setsrid(st_makepoint(131.95, 34.45), 6668))""");
            layerChanges.publishOnCommit(LayerDataChanged.wholeLayer("facilities"));
        });

        assertThat(select(query)).hasSize(1);
    }

    @Test
    void jenasOwnHttpClientGetsTheShelters() {
        try (QueryExecutionHTTP execution = QueryExecutionHTTP.service("http://127.0.0.1:" + port + "/sparql")
                .query(SHELTERS_FOR_LANDSLIDES_WITHIN_2_KM).build()) {
            assertThat(names(execution.execSelect())).containsExactly("高津地区振興センター", "高津川河川敷公園", "吉田グラウンド");
        }
    }

    @Test
    void aBrowserWithoutAQueryGetsAFormWithTheSheltersExample() throws Exception {
        HttpResponse<String> response = get("/sparql", "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("<form").contains("&lt;" + BASE + "/def/facilities#&gt;");
    }

    private List<QuerySolution> select(String query) throws Exception {
        HttpResponse<String> response = get("/sparql?query=" + encode(query), "Accept", "application/sparql-results+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<QuerySolution> rows = new ArrayList<>();
        results.forEachRemaining(rows::add);
        return rows;
    }

    private static List<String> names(ResultSet results) {
        List<String> names = new ArrayList<>();
        results.forEachRemaining(row -> names.add(row.getLiteral("name").getString()));
        return names;
    }

    private HttpResponse<String> post(String contentType, String body, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
