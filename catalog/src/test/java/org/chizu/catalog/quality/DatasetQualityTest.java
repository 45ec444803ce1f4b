package org.chizu.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.chizu.catalog.RunningCatalog;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metadata-quality score of a server whose public base URL is its own address, so that the
 * link checks reach it. Besides the town's layers it publishes two more over the shelters table:
 * {@code bare_shelters}, declared without keywords and under the town's own terms of use, and
 * {@code broken_shelters}, whose download folder is a file, so that its built downloads fail.
 * Both are compared with {@code facilities}, the well-described layer over the same table.
 */
class DatasetQualityTest extends RunningCatalog {

    private static final int PORT = TestSocketUtils.findAvailableTcpPort();
    private static final String OWN_BASE = "http://127.0.0.1:" + PORT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DQV = "http://www.w3.org/ns/dqv#";

    @DynamicPropertySource
    static void reachableBaseUrlAndTwoMoreLayers(DynamicPropertyRegistry registry) throws IOException {
        registry.add("server.port", () -> PORT);
        registry.add("chizu.catalog.base-url", () -> OWN_BASE);
        registry.add("chizu.catalog.quality.check-links", () -> true);
        Path layers = Files.createTempDirectory("chizu-layers-");
        Files.writeString(layers.resolve("bare_shelters.yml"), shelters("bare_shelters", "",
                "{id: town-terms, title: {ja: 益田市オープンデータ利用規約}, url: 'https://www.city.masuda.example.jp/opendata/terms'}"));
        Files.writeString(layers.resolve("broken_shelters.yml"), shelters("broken_shelters", "keywords: [{ja: 避難所, en: shelters}]",
                "{id: CC-BY-4.0, title: {ja: CC BY 4.0}, url: 'https://creativecommons.org/licenses/by/4.0/'}"));
        registry.add("chizu.layers.directory", layers::toString);
        Path downloads = Files.createTempDirectory("chizu-downloads-");
        Files.writeString(downloads.resolve("broken_shelters"), "a file where the layer's download folder belongs");
        registry.add("chizu.open-data.downloads", downloads::toString);
    }

    private static String shelters(String id, String keywords, String licence) {
        return """
                id: %s
                title: {ja: 避難所（%s）, en: Shelters (%s)}
                %s
                themes: [GOVE]
                table: facilities
                geometry: {column: geom, kind: Point, srid: 6668}
                access: public
                licence: %s
                """.formatted(id, id, id, keywords, licence);
    }

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private LayerRegistry registry;

    /**
     * The town's fixture was written behind the server's back while it was already checking its
     * links; it is announced as an import would announce it, and the checks it causes are awaited.
     */
    @BeforeAll
    void announceTheTownAndWaitForTheLinkChecks() {
        registry.all().forEach(layer -> events.publishEvent(LayerDataChanged.wholeLayer(layer.id())));
        await("the first link checks of the town's datasets completed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    for (String id : List.of("facilities", "bare_shelters", "broken_shelters")) {
                        assertThat(metric(quality(id), "download-url-status").get("passed").isNull())
                                .as("the first link checks of " + id + " completed").isFalse();
                    }
                });
    }

    @Test
    void aWellDescribedDatasetWhoseUrlsAnswerScoresWhatItsMetadataSays() throws Exception {
        JsonNode quality = quality("facilities");
        assertThat(passed(quality)).containsEntry("keywords", true).containsEntry("spatial", true)
                .containsEntry("access-url-status", true).containsEntry("download-url", true).containsEntry("download-url-status", true)
                .containsEntry("format", true).containsEntry("media-type", true).containsEntry("format-vocabulary", true)
                .containsEntry("non-proprietary", true).containsEntry("machine-readable", true)
                .containsEntry("licence", true).containsEntry("licence-vocabulary", true)
                .containsEntry("contact-point", true).containsEntry("publisher", true)
                .containsEntry("issued", true).containsEntry("modified", true)
                .containsEntry("categories", true).containsEntry("temporal", true).containsEntry("access-rights", true)
                .containsEntry("access-rights-vocabulary", true).containsEntry("rights", true)
                .as("streamed downloads (GeoJSON, CSV) have no size before they are written")
                .containsEntry("byte-size", false)
                .doesNotContainKey("dcat-ap-compliance");
        assertThat(metric(quality, "access-url-status").get("points").asInt()).isEqualTo(50);
        assertThat(metric(quality, "licence-vocabulary").get("points").asInt()).isEqualTo(10);
        assertThat(quality.get("max").asInt()).isEqualTo(375);
        assertThat(quality.get("score").asInt()).isEqualTo(100 + 100 + 80 + 75 + 15);
        assertThat(quality.get("rating").asText()).isEqualTo("excellent");
        JsonNode findability = quality.get("dimensions").get(0);
        assertThat(findability.get("id").asText()).isEqualTo("findability");
        assertThat(findability.get("label").get("ja").asText()).isEqualTo("見つけやすさ");
        assertThat(findability.get("score").asInt()).isEqualTo(100);
        assertThat(findability.get("max").asInt()).isEqualTo(100);
    }

    @Test
    void aDatasetWithoutKeywordsOrALicenceFromAKnownListLosesExactlyThosePoints() throws Exception {
        assertThat(differences(quality("facilities"), quality("bare_shelters")))
                .containsOnlyKeys("keywords", "licence-vocabulary").containsEntry("keywords", 30).containsEntry("licence-vocabulary", 10);
        assertThat(quality("facilities").get("score").asInt() - quality("bare_shelters").get("score").asInt()).isEqualTo(40);
    }

    @Test
    void aDatasetWhoseDownloadsFailLosesExactlyTheAccessibilityPointsOfItsUrls() throws Exception {
        assertThat(get("/data/broken_shelters.gpkg").statusCode()).as("the broken layer's GeoPackage").isEqualTo(500);
        assertThat(differences(quality("facilities"), quality("broken_shelters")))
                .containsOnlyKeys("access-url-status", "download-url-status")
                .containsEntry("access-url-status", 50).containsEntry("download-url-status", 30);
        assertThat(passed(quality("broken_shelters"))).containsEntry("access-url-status", false).containsEntry("download-url", true);
    }

    @Test
    void everyDqvMeasurementInTheDcatOutputNamesADescribedMetricInOneOfTheFiveDimensions() throws Exception {
        Model metrics = turtle(get("/catalog/quality-metrics").body());
        Set<String> dimensions = Set.of("findability", "accessibility", "interoperability", "reusability", "contextuality");
        for (String id : List.of("facilities", "broken_shelters")) {
            Model dataset = turtle(get("/dataset/" + id + ".ttl").body());
            Resource subject = dataset.getResource(OWN_BASE + "/dataset/" + id);
            List<Resource> measurements = subject.listProperties(dataset.createProperty(DQV, "hasQualityMeasurement"))
                    .mapWith(Statement::getResource).toList();
            assertThat(measurements).as("one measurement per metric").hasSize(QualityMetric.values().length);
            for (Resource measurement : measurements) {
                assertThat(measurement.hasProperty(RDF.type, dataset.createResource(DQV + "QualityMeasurement"))).isTrue();
                assertThat(measurement.getProperty(dataset.createProperty(DQV, "value")).getLiteral().getValue()).isInstanceOf(Boolean.class);
                Resource metric = metrics.getResource(measurement.getPropertyResourceValue(dataset.createProperty(DQV, "isMeasurementOf")).getURI());
                assertThat(metric.getURI()).startsWith(OWN_BASE + "/catalog/quality-metrics#");
                assertThat(metric.hasProperty(RDF.type, metrics.createResource(DQV + "Metric"))).as(metric.getURI()).isTrue();
                assertThat(metric.getProperty(SKOS.prefLabel, "ja")).isNotNull();
                assertThat(metric.getProperty(SKOS.prefLabel, "en")).isNotNull();
                Resource dimension = metric.getPropertyResourceValue(metrics.createProperty(DQV, "inDimension"));
                assertThat(dimension.hasProperty(RDF.type, metrics.createResource(DQV + "Dimension"))).isTrue();
                assertThat(dimensions).contains(dimension.getURI().substring(dimension.getURI().indexOf('#') + 1));
            }
        }
        Model broken = turtle(get("/dataset/broken_shelters.ttl").body());
        Resource accessCheck = broken.getResource(OWN_BASE + "/dataset/broken_shelters#quality-access-url-status");
        assertThat(accessCheck.getProperty(broken.createProperty(DQV, "value")).getBoolean()).isFalse();
        assertThat(accessCheck.hasProperty(broken.createProperty("http://www.w3.org/ns/prov#", "generatedAtTime"))).isTrue();
    }

    @Test
    void packageSearchResultsCarryTheSameQualityAsPackageShow() throws Exception {
        JsonNode results = result("/api/3/action/package_search?rows=100").get("results");
        List<String> checked = new ArrayList<>();
        for (JsonNode pkg : results) {
            assertThat(pkg.get("quality")).as(pkg.get("name").asText()).isEqualTo(quality(pkg.get("name").asText()));
            checked.add(pkg.get("name").asText());
        }
        assertThat(checked).contains("facilities", "bare_shelters", "broken_shelters");
    }

    private JsonNode quality(String id) throws Exception {
        return result("/api/3/action/package_show?id=" + id).get("quality");
    }

    private JsonNode result(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body()).get("result");
    }

    private static JsonNode metric(JsonNode quality, String id) {
        for (JsonNode dimension : quality.get("dimensions")) {
            for (JsonNode metric : dimension.get("metrics")) {
                if (metric.get("id").asText().equals(id)) {
                    return metric;
                }
            }
        }
        throw new AssertionError("no metric " + id + " in " + quality);
    }

    private static Map<String, Boolean> passed(JsonNode quality) {
        Map<String, Boolean> passed = new HashMap<>();
        quality.get("dimensions").forEach(d -> d.get("metrics").forEach(m ->
                passed.put(m.get("id").asText(), m.get("passed").isNull() ? null : m.get("passed").asBoolean())));
        return passed;
    }

    /** The points the first assessment earns more than the second, per metric where they differ. */
    private static Map<String, Integer> differences(JsonNode first, JsonNode second) {
        Map<String, Integer> differences = new HashMap<>();
        first.get("dimensions").forEach(d -> d.get("metrics").forEach(m -> {
            int lost = m.get("points").asInt() - metric(second, m.get("id").asText()).get("points").asInt();
            if (lost != 0) {
                differences.put(m.get("id").asText(), lost);
            }
        }));
        return differences;
    }
}
