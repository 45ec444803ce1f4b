package org.chizu.catalog.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.chizu.catalog.RunningCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a dataset says of its time, themes, access and files: the period its data covers, the EU
 * data themes and access right, and the size and SHA-256 of each file built ahead once it is built.
 */
class DcatCoverageTest extends RunningCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void ownDownloadFolder(DynamicPropertyRegistry registry) throws IOException {
        Path downloads = Files.createTempDirectory("chizu-downloads-");
        registry.add("chizu.open-data.downloads", downloads::toString);
    }

    /** A second hazard zone, designated later than the town's flood zone. */
    @BeforeAll
    void designateATsunamiZone() {
        jdbc.update("""
                insert into hazard_zones (kind, name, source, designated_on, geom) values
                 ('tsunami', '益田港津波浸水想定区域', '島根県', date '2023-03-01',
                  ST_Multi(ST_GeomFromText('POLYGON((131.83 34.68, 131.85 34.68, 131.85 34.69, 131.83 34.69, 131.83 34.68))', 6668)))""");
    }

    @Test
    void hazardZonesCoverTheirEarliestToTheirLatestDesignation() throws Exception {
        Resource period = dataset("hazard_zones").getPropertyResourceValue(Vocabulary.TEMPORAL);

        assertThat(period.hasProperty(RDF.type, Vocabulary.PERIOD_OF_TIME)).isTrue();
        assertThat(date(period, Vocabulary.START_DATE)).isEqualTo("2021-06-15");
        assertThat(date(period, Vocabulary.END_DATE)).isEqualTo("2023-03-01");
    }

    @Test
    void aLayerWithoutADateAttributeCoversTheDaysOfItsRecordedVersions() throws Exception {
        JsonNode versions = JSON.readTree(get("/data/roads/versions").body()).get("versions");
        List<LocalDate> days = java.util.stream.StreamSupport.stream(versions.spliterator(), false)
                .map(v -> Instant.parse(v.get("time").asText()).atZone(ZoneId.of("Asia/Tokyo")).toLocalDate()).sorted().toList();
        assertThat(days).isNotEmpty();

        Resource period = dataset("roads").getPropertyResourceValue(Vocabulary.TEMPORAL);

        assertThat(date(period, Vocabulary.START_DATE)).isEqualTo(days.getFirst().toString());
        assertThat(date(period, Vocabulary.END_DATE)).isEqualTo(days.getLast().toString());
    }

    @Test
    void everyDatasetIsPublicByTheEuAccessRightAndClassifiedByItsDeclaredThemes() throws Exception {
        Resource forests = dataset("forests");
        Resource access = forests.getPropertyResourceValue(Vocabulary.ACCESS_RIGHTS);
        assertThat(access.getURI()).isEqualTo("http://publications.europa.eu/resource/authority/access-right/PUBLIC");
        assertThat(access.hasProperty(RDF.type, Vocabulary.RIGHTS_STATEMENT)).isTrue();
        assertThat(forests.listProperties(Vocabulary.THEME).mapWith(s -> s.getResource().getURI()).toList()).containsExactlyInAnyOrder(
                "http://publications.europa.eu/resource/authority/data-theme/AGRI",
                "http://publications.europa.eu/resource/authority/data-theme/ENVI");
        Resource agri = forests.getModel().createResource("http://publications.europa.eu/resource/authority/data-theme/AGRI");
        assertThat(agri.hasProperty(RDF.type, Vocabulary.CONCEPT)).isTrue();
        assertThat(agri.getProperty(Vocabulary.PREF_LABEL, "ja").getString()).isEqualTo("農林水産・食品");
        assertThat(dataset("roads").getPropertyResourceValue(Vocabulary.THEME).getURI()).endsWith("/data-theme/TRAN");
    }

    @Test
    void everyDistributionStatesTheRightsOfReuseWithTheCreditToGive() throws Exception {
        Model model = turtle(get("/dataset/facilities").body());
        List<Resource> distributions = model.listSubjectsWithProperty(RDF.type, Vocabulary.DISTRIBUTION).toList();
        assertThat(distributions).isNotEmpty().allSatisfy(d -> assertThat(d.hasProperty(Vocabulary.RIGHTS)).isTrue());
        Resource rights = distributions.getFirst().getPropertyResourceValue(Vocabulary.RIGHTS);
        assertThat(rights.hasProperty(RDF.type, Vocabulary.RIGHTS_STATEMENT)).isTrue();
        assertThat(rights.getProperty(Vocabulary.LABEL, "ja").getString())
                .contains("クリエイティブ・コモンズ 表示 4.0 国際", "益田市「施設・避難所」", "出典：国土地理院「指定緊急避難場所・指定避難所データ」");
    }

    @Test
    void aBuiltFileStatesItsRealSizeAndSha256OnlyOnceItWasDownloaded() throws Exception {
        for (String extension : List.of("gpkg", "fgb", "shp.zip")) {
            String distribution = BASE + "/dataset/facilities/distribution/facilities-" + extension.replace('.', '-');
            Resource before = turtle(get("/dataset/facilities.ttl").body()).createResource(distribution);
            assertThat(before.hasProperty(Vocabulary.BYTE_SIZE)).as(extension + " before anyone downloaded it").isFalse();
            assertThat(before.hasProperty(Vocabulary.CHECKSUM_LINK)).isFalse();
            assertThat(ckanResource("facilities", extension).get("size").isNull()).isTrue();

            byte[] file = download("/data/facilities." + extension);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));

            Resource after = turtle(get("/dataset/facilities.ttl").body()).createResource(distribution);
            Literal size = after.getProperty(Vocabulary.BYTE_SIZE).getLiteral();
            assertThat(size.getDatatypeURI()).isEqualTo(XSDDatatype.XSDnonNegativeInteger.getURI());
            assertThat(size.getLexicalForm()).as(extension).isEqualTo(Long.toString(file.length));
            Resource checksum = after.getPropertyResourceValue(Vocabulary.CHECKSUM_LINK);
            assertThat(checksum.hasProperty(RDF.type, Vocabulary.CHECKSUM)).isTrue();
            assertThat(checksum.getPropertyResourceValue(Vocabulary.ALGORITHM).getURI()).isEqualTo("http://spdx.org/rdf/terms#checksumAlgorithm_sha256");
            Literal value = checksum.getProperty(Vocabulary.CHECKSUM_VALUE).getLiteral();
            assertThat(value.getDatatypeURI()).isEqualTo(XSDDatatype.XSDhexBinary.getURI());
            assertThat(value.getLexicalForm()).isEqualToIgnoringCase(sha256);

            JsonNode resource = ckanResource("facilities", extension);
            assertThat(resource.get("size").asLong()).isEqualTo(file.length);
            assertThat(resource.get("hash").asText()).isEqualTo(sha256);
        }
    }

    @Test
    void aStreamedFileStatesNoSizeEvenAfterADownload() throws Exception {
        download("/data/facilities.geojson");
        Model model = turtle(get("/dataset/facilities.ttl").body());
        Resource geojson = model.createResource(BASE + "/dataset/facilities/distribution/facilities-geojson");
        assertThat(geojson.hasProperty(Vocabulary.DOWNLOAD_URL)).isTrue();
        assertThat(geojson.hasProperty(Vocabulary.BYTE_SIZE)).isFalse();
        assertThat(ckanResource("facilities", "geojson").get("size").isNull()).isTrue();
    }

    private Resource dataset(String id) throws Exception {
        return turtle(get("/dataset/" + id + ".ttl").body()).createResource(BASE + "/dataset/" + id);
    }

    private static String date(Resource period, org.apache.jena.rdf.model.Property property) {
        Literal literal = period.getProperty(property).getLiteral();
        assertThat(literal.getDatatypeURI()).isEqualTo(XSDDatatype.XSDdate.getURI());
        return literal.getLexicalForm();
    }

    private JsonNode ckanResource(String layerId, String extension) throws Exception {
        JsonNode resources = JSON.readTree(get("/api/3/action/package_show?id=" + layerId).body()).get("result").get("resources");
        for (JsonNode resource : resources) {
            if (resource.get("url").asText().equals(BASE + "/data/" + layerId + "." + extension)) {
                return resource;
            }
        }
        throw new AssertionError("no CKAN resource for " + layerId + "." + extension);
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
