package org.chizu.app.forestry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.forestry.products.MadeProduct;
import org.chizu.forestry.products.SurveyProducts;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sample town's laser survey through the STAC API, as STAC clients meet it: a collection with an
 * item per tile (with the point cloud extension's figures) and per product raster (with its grid in
 * the projection extension), found by GET and POST item search, and read by GDAL's STACIT driver,
 * which mosaics the products' COGs in their plane coordinate system once an approved firm's member
 * is signed in. The server runs on a port chosen before it starts, so that the links it writes are
 * links GDAL can follow.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"chizu.sample-town.enabled=true", "chizu.catalog.quality.check-links=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaserStacHttpTest {

    private static final int PORT = freePort();
    private static final String BASE = "http://localhost:" + PORT;
    private static final String COG = "image/tiff; application=geotiff; profile=cloud-optimized";
    private static final String POINT_CLOUD = "https://stac-extensions.github.io/pointcloud/v1.0.0/schema.json";
    private static final List<String> PRODUCTS = List.of("dem", "dsm", "chm", "slope", "hillshade", "cs-relief");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("laser-stac-archive")::toString);
        registry.add("server.port", () -> PORT);
        registry.add("chizu.catalog.base-url", () -> BASE);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SurveyProducts products;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    long survey;
    String collection;

    @BeforeAll
    void theSampleSurvey() {
        survey = jdbc.queryForObject("select survey_id from laser_product where kind = 'chm' order by survey_id limit 1", Long.class);
        collection = "laser-survey-" + survey;
    }

    @Test
    void theLandingPageDeclaresWhatTheApiDoesAndLinksItsDefinitionAndSearchByGetAndPost() throws Exception {
        JsonNode landing = getJson("/stac");

        assertThat(landing.get("type").asText()).isEqualTo("Catalog");
        assertThat(landing.get("stac_version").asText()).isEqualTo("1.0.0");
        assertThat(texts(landing.get("conformsTo"))).containsExactlyInAnyOrder("https://api.stacspec.org/v1.0.0/core",
                "https://api.stacspec.org/v1.0.0/collections", "https://api.stacspec.org/v1.0.0/ogcapi-features",
                "https://api.stacspec.org/v1.0.0/item-search", "https://api.stacspec.org/v1.0.0/item-search#sort",
                "https://api.stacspec.org/v1.0.0/item-search#fields", "https://api.stacspec.org/v1.0.0/ogcapi-features#sort",
                "https://api.stacspec.org/v1.0.0/ogcapi-features#fields",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
        assertThat(links(landing, "child")).containsExactly(BASE + "/stac/collections/" + collection);
        List<String> methods = new ArrayList<>();
        landing.get("links").forEach(link -> {
            if (link.get("rel").asText().equals("search")) {
                assertThat(link.get("href").asText()).isEqualTo(BASE + "/stac/search");
                methods.add(link.get("method").asText());
            }
        });
        assertThat(methods).containsExactly("GET", "POST");
        assertThat(getJson("/stac/conformance").get("conformsTo")).isEqualTo(landing.get("conformsTo"));
        assertThat(links(landing, "service-desc")).containsExactly(BASE + "/stac/api");
        HttpResponse<String> definition = get("/stac/api");
        assertThat(definition.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/vnd.oai.openapi+json"));
        assertThat(json.readTree(definition.body()).at("/servers/0/url").asText()).isEqualTo(BASE + "/stac");
    }

    @Test
    void aSurveyIsACollectionWithItsExtentPeriodProvidersTermsAndSummaries() throws Exception {
        JsonNode stac = getJson("/stac/collections/" + collection);

        assertThat(stac.get("type").asText()).isEqualTo("Collection");
        assertThat(stac.get("license").asText()).isEqualTo("proprietary");
        assertThat(links(stac, "license")).containsExactly(BASE + "/api/forestry/terms");
        assertThat(stac.at("/providers/0/name").asText()).isEqualTo("安来市（サンプル）");
        assertThat(texts(stac.at("/providers/0/roles"))).containsExactly("producer", "licensor");
        assertThat(stac.at("/extent/temporal/interval/0/0").asText()).isEqualTo("2026-01-01T00:00:00Z");
        JsonNode box = stac.at("/extent/spatial/bbox/0");
        assertThat(box.get(0).asDouble()).isBetween(132.0, 134.0);
        assertThat(box.get(1).asDouble()).isBetween(34.5, 36.0);
        assertThat(box.get(0).asDouble()).isLessThan(box.get(2).asDouble());
        assertThat(stac.at("/summaries/proj:epsg").toString()).isEqualTo("[6671]");
        assertThat(stac.at("/summaries/pc:type").toString()).isEqualTo("[\"lidar\"]");
        assertThat(texts(stac.get("stac_extensions"))).contains(POINT_CLOUD);
        assertThat(getJson("/stac/collections").at("/collections/0/id").asText()).isEqualTo(collection);
    }

    @Test
    void everyTileAndProductIsAnItemInLongitudeLatitudeWithItsPlaneProjectionAndADownloadAsset() throws Exception {
        JsonNode items = getJson("/stac/collections/" + collection + "/items");
        long tiles = jdbc.queryForObject("select count(*) from laser_tile where survey_id = ?", Long.class, survey);

        assertThat(items.get("numberMatched").asLong()).isEqualTo(tiles + PRODUCTS.size());
        for (JsonNode item : items.get("features")) {
            assertThat(item.get("stac_version").asText()).isEqualTo("1.0.0");
            assertThat(item.get("collection").asText()).isEqualTo(collection);
            assertThat(item.at("/properties/proj:epsg").asInt()).isEqualTo(6671);
            assertThat(item.at("/geometry/type").asText()).isEqualTo("Polygon");
            assertThat(item.at("/bbox/0").asDouble()).isBetween(132.0, 134.0);
            assertThat(item.get("assets").size()).isEqualTo(1);
            assertThat(item.get("assets").elements().next().get("roles").toString()).contains("data");
        }
        JsonNode tile = items.get("features").get(0);
        assertThat(tile.get("id").asText()).startsWith("tile-");
        assertThat(tile.at("/properties/datetime").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(tile.at("/assets/data/type").asText()).isIn("application/vnd.las", "application/vnd.laszip");
        assertThat(tile.at("/assets/data/href").asText()).matches(BASE + "/api/forestry/tiles/\\d+/file");

        JsonNode dem = getJson("/stac/collections/" + collection + "/items/dem");
        assertThat(dem.at("/properties").has("datetime")).isTrue();
        assertThat(dem.at("/properties/datetime").isNull()).isTrue();
        assertThat(dem.at("/properties/start_datetime").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(dem.at("/assets/dem/type").asText()).as("a product's asset is keyed by its kind").isEqualTo(COG);
        assertThat(dem.at("/assets/dem/href").asText()).isEqualTo(BASE + "/api/forestry/surveys/" + survey + "/products/dem.tif");
        assertThat(dem.at("/properties/proj:transform/0").asDouble()).isEqualTo(0.5);
        assertThat(dem.at("/properties/proj:shape").size()).isEqualTo(2);
        assertThat(texts(dem.get("stac_extensions"))).doesNotContain(POINT_CLOUD);
    }

    @Test
    void aTileItemCarriesThePointCloudExtensionFiguresOfTheTileIndex() throws Exception {
        Map<String, Object> row = jdbc.queryForMap("""
                select id, point_count, points_per_m2, point_format, min_z, max_z from laser_tile where survey_id = ? order by id limit 1""",
                survey);
        JsonNode tile = getJson("/stac/collections/" + collection + "/items/tile-" + row.get("id"));
        JsonNode properties = tile.get("properties");

        assertThat(texts(tile.get("stac_extensions"))).contains(POINT_CLOUD);
        assertThat(properties.get("pc:count").asLong()).isEqualTo(((Number) row.get("point_count")).longValue());
        assertThat(properties.get("pc:type").asText()).isEqualTo("lidar");
        assertThat(properties.get("pc:encoding").asText()).isIn("LAS", "LASzip");
        assertThat(properties.get("pc:density").asDouble()).isEqualTo(((Number) row.get("points_per_m2")).doubleValue());
        assertThat(properties.get("pc:density").asDouble()).as("the synthetic survey's realistic density").isBetween(4.0, 16.0);
        List<String> dimensions = properties.get("pc:schemas").findValuesAsText("name");
        assertThat(dimensions).startsWith("X", "Y", "Z", "Intensity").contains("Classification", "ReturnNumber");
        int format = ((Number) row.get("point_format")).intValue();
        assertThat(dimensions.contains("GpsTime")).as("point format " + format + " has GPS time").isEqualTo(format != 0 && format != 2);
        assertThat(properties.at("/pc:schemas/0").toString()).isEqualTo("{\"name\":\"X\",\"size\":8,\"type\":\"floating\"}");
        JsonNode z = properties.at("/pc:statistics/2");
        assertThat(z.get("name").asText()).isEqualTo("Z");
        assertThat(z.get("minimum").asDouble()).isEqualTo(((Number) row.get("min_z")).doubleValue());
        assertThat(z.get("maximum").asDouble()).isEqualTo(((Number) row.get("max_z")).doubleValue());
    }

    @Test
    void itemSearchByGetFiltersByCollectionBoxTimeAndIdsSortsAndPagesWithANextLink() throws Exception {
        JsonNode all = getJson("/stac/search?collections=" + collection);
        int total = all.get("numberMatched").asInt();
        JsonNode first = all.at("/features/0");
        double west = first.at("/bbox/0").asDouble(), south = first.at("/bbox/1").asDouble();

        assertThat(getJson("/stac/search?bbox=0,0,1,1").get("numberMatched").asInt()).isZero();
        assertThat(getJson("/stac/search?datetime=2025-01-01T00:00:00Z/2025-12-31T00:00:00Z").get("numberMatched").asInt()).isZero();
        assertThat(getJson("/stac/search?datetime=2026-01-01T12:00:00Z").get("numberMatched").asInt()).isEqualTo(total);
        assertThat(getJson("/stac/search?collections=laser-survey-0").get("numberMatched").asInt()).isZero();
        assertThat(getJson("/stac/search?ids=dem,chm").get("numberMatched").asInt()).isEqualTo(2);
        assertThat(getJson("/stac/search?bbox=%s,%s,%s,%s".formatted(west, south, west + 0.0001, south + 0.0001))
                .get("numberMatched").asInt()).isBetween(1, total - 1);
        assertThat(getJson("/stac/search?ids=dem,chm,slope&sortby=-id").get("features").findValuesAsText("id"))
                .containsExactly("slope", "dem", "chm");
        assertThat(getJson("/stac/search?ids=dem,chm,slope&sortby=%2Bid").get("features").findValuesAsText("id"))
                .containsExactly("chm", "dem", "slope");

        JsonNode page = getJson("/stac/search?limit=2");
        assertThat(page.get("numberReturned").asInt()).isEqualTo(2);
        String next = links(page, "next").getFirst();
        JsonNode second = getJson(next.substring(BASE.length()));
        assertThat(second.at("/features/0/id").asText()).isEqualTo(all.at("/features/2/id").asText());
    }

    @Test
    void itemSearchByPostTakesAJsonBodyWithIntersectsAndPagesWithANextLinkThatCarriesTheBody() throws Exception {
        JsonNode all = getJson("/stac/search?collections=" + collection);
        JsonNode tile = all.at("/features/0");
        double lon = (tile.at("/bbox/0").asDouble() + tile.at("/bbox/2").asDouble()) / 2;
        double lat = (tile.at("/bbox/1").asDouble() + tile.at("/bbox/3").asDouble()) / 2;
        String point = "{\"type\": \"Point\", \"coordinates\": [%s, %s]}".formatted(lon, lat);

        JsonNode atPoint = postJson("{\"collections\": [\"%s\"], \"intersects\": %s}".formatted(collection, point));
        List<String> ids = atPoint.get("features").findValuesAsText("id");
        assertThat(ids).as("the tile under the point, and every product over the survey").contains(tile.get("id").asText())
                .containsAll(PRODUCTS).hasSizeLessThan(all.get("numberMatched").asInt());
        assertThat(postJson("{\"bbox\": [0, 0, 1, 1]}").get("numberMatched").asInt()).isZero();
        assertThat(postJson("{\"intersects\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}}")
                .get("numberMatched").asInt()).isZero();
        assertThat(postJson("{\"ids\": [\"dem\", \"chm\"], \"datetime\": \"2026-01-01T00:00:00Z/..\"}").get("numberMatched").asInt())
                .isEqualTo(2);
        assertThat(postJson("{\"datetime\": \"../2025-12-31T23:59:59Z\"}").get("numberMatched").asInt()).isZero();
        assertThat(postJson("{\"ids\": [\"dem\", \"chm\", \"slope\"], \"sortby\": [{\"field\": \"id\", \"direction\": \"desc\"}]}")
                .get("features").findValuesAsText("id")).containsExactly("slope", "dem", "chm");

        JsonNode page = postJson("{\"collections\": [\"%s\"], \"limit\": 2}".formatted(collection));
        JsonNode next = link(page, "next");
        assertThat(next.get("method").asText()).isEqualTo("POST");
        assertThat(next.get("href").asText()).isEqualTo(BASE + "/stac/search");
        assertThat(next.at("/body/collections/0").asText()).isEqualTo(collection);
        JsonNode second = postJson(next.get("body").toString());
        assertThat(second.get("features").findValuesAsText("id")).containsExactly(all.at("/features/2/id").asText(),
                all.at("/features/3/id").asText());
        assertThat(second.get("numberMatched").asInt()).isEqualTo(all.get("numberMatched").asInt());
    }

    @Test
    void fieldsKeepsAValidItemWithWhatIsIncludedLessWhatIsExcludedAndTheNextPageKeepsAsking() throws Exception {
        String tile = getJson("/stac/search?collections=" + collection + "&limit=1").at("/features/0/id").asText();

        JsonNode slim = getJson("/stac/search?ids=" + tile + "&fields=properties.pc:count,-geometry").at("/features/0");
        assertThat(names(slim)).containsExactly("type", "stac_version", "stac_extensions", "id", "collection", "bbox", "properties",
                "assets", "links");
        assertThat(names(slim.get("properties"))).containsExactly("datetime", "pc:count");

        JsonNode dem = postJson("{\"ids\": [\"dem\"], \"fields\": {\"include\": [\"proj:shape\", \"proj:epsg\"], \"exclude\": [\"links\"]}}")
                .at("/features/0");
        assertThat(names(dem)).doesNotContain("links").contains("geometry", "assets");
        assertThat(names(dem.get("properties"))).containsExactly("datetime", "proj:epsg", "proj:shape");
        assertThat(dem.at("/properties/datetime").isNull()).isTrue();

        JsonNode page = postJson("{\"collections\": [\"%s\"], \"fields\": {\"exclude\": [\"assets\"]}, \"limit\": 1}".formatted(collection));
        assertThat(names(page.at("/features/0"))).doesNotContain("assets").contains("properties");
        assertThat(names(postJson(link(page, "next").get("body").toString()).at("/features/0"))).doesNotContain("assets");
        JsonNode byGet = getJson("/stac/search?collections=" + collection + "&fields=-assets&limit=1");
        assertThat(names(getJson(link(byGet, "next").get("href").asText().substring(BASE.length())).at("/features/0")))
                .doesNotContain("assets");
    }

    @Test
    void unreadableParametersAndBodiesAreProblemsNamingTheFieldAndUnknownCollectionsAreNotFound() throws Exception {
        assertBadField(get("/stac/search?bbox=1,2,3"), "bbox");
        assertBadField(get("/stac/search?datetime=yesterday"), "datetime");
        assertBadField(get("/stac/search?limit=0"), "limit");
        assertBadField(get("/stac/search?sortby=-height"), "sortby");
        assertBadField(get("/stac/search?intersects=POINT(133%2035)"), "intersects");
        assertBadField(post("{\"bbox\": [133, 35, 133.1]}"), "bbox");
        assertBadField(post("{\"bbox\": [133, 35, 133.1, 35.1], \"intersects\": {\"type\": \"Point\", \"coordinates\": [133, 35]}}"),
                "intersects");
        assertBadField(post("{\"intersects\": {\"type\": \"Point\", \"coordinates\": \"here\"}}"), "intersects");
        assertBadField(post("{\"ids\": \"dem\"}"), "ids");
        assertBadField(post("{\"collections\": [1]}"), "collections");
        assertBadField(post("{\"datetime\": \"2026-13-01T00:00:00Z\"}"), "datetime");
        assertBadField(post("{\"limit\": 1.5}"), "limit");
        assertBadField(post("{\"filter\": {\"op\": \"=\"}}"), "filter");
        assertBadField(post("{\"fields\": [\"id\"]}"), "fields");
        assertBadField(post("{\"fields\": {\"include\": \"id\"}}"), "fields.include");
        assertBadField(post("{\"collections\": ["), "body");
        assertBadField(post("[]"), "body");
        assertThat(get("/stac/collections/laser-survey-999999").statusCode()).isEqualTo(404);
        assertThat(get("/stac/collections/" + collection + "/items/tile-0").statusCode()).isEqualTo(404);
    }

    @Test
    void gdalsStacitDriverListsEachProductOfTheSearchAsAnAssetToMosaicFollowingTheNextLinks() throws Exception {
        String search = BASE + "/stac/search?collections=" + collection + "&limit=2";
        JsonNode info = json.readTree(gdal(Map.of(), "gdalinfo", "-json", "STACIT:\"" + search + "\""));

        List<String> names = new ArrayList<>();
        info.at("/metadata/SUBDATASETS").fields().forEachRemaining(entry -> {
            if (entry.getKey().endsWith("_NAME")) {
                names.add(entry.getValue().asText());
            }
        });
        assertThat(names).as("each product once, from all pages; the point-cloud tiles are no raster")
                .containsExactlyInAnyOrderElementsOf(PRODUCTS.stream().map(kind -> "STACIT:\"" + search + "\":asset=" + kind).toList());
    }

    @Test
    void gdalMosaicsTheDemFromTheSearchInItsPlaneCoordinatesAndReadsItsHeightsOnceAnApprovedFirmSignsIn() throws Exception {
        String dem = "STACIT:\"" + BASE + "/stac/search?collections=" + collection + "\":asset=dem";
        Process refused = process(Map.of(), "gdalinfo", "-json", dem);
        String refusal = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).as("STAC lists the restricted COG; reading it needs approval").isNotZero();
        assertThat(refusal).contains("Cannot open", "/products/dem.tif");

        ApprovedFirm firm = ApprovedFirm.of(context, "stac@example.jp", "STAC林業合同会社");
        JsonNode box = getJson("/stac/collections/" + collection).at("/extent/spatial/bbox/0");
        firm.approvedApplication("""
                {"type": "Polygon", "coordinates": [[[%1$s, %2$s], [%3$s, %2$s], [%3$s, %4$s], [%1$s, %4$s], [%1$s, %2$s]]]}"""
                .formatted(box.get(0), box.get(1), box.get(2), box.get(3)), List.of("dem"));
        SignInBrowser member = new SignInBrowser(PORT);
        member.signIn(firm.email(), ApprovedFirm.PASSWORD);

        JsonNode mosaic = json.readTree(gdal(Map.of("GDAL_HTTP_COOKIE", "JSESSIONID=" + member.cookie("JSESSIONID")),
                "gdalinfo", "-json", "-checksum", dem));
        MadeProduct made = products.made(survey).stream().filter(product -> product.kind().id.equals("dem")).findFirst().orElseThrow();
        JsonNode cog = json.readTree(gdal(Map.of(), "gdalinfo", "-json", "-checksum", made.file().toString()));

        assertThat(mosaic.at("/coordinateSystem/wkt").asText()).contains("JGD2011 / Japan Plane Rectangular CS III", "ID[\"EPSG\",6671]");
        assertThat(mosaic.get("size")).isEqualTo(cog.get("size"));
        for (String corner : List.of("upperLeft", "lowerRight")) {
            for (int axis = 0; axis < 2; axis++) {
                assertThat(mosaic.at("/cornerCoordinates/" + corner + "/" + axis).asDouble()).as(corner)
                        .isCloseTo(cog.at("/cornerCoordinates/" + corner + "/" + axis).asDouble(), within(0.001));
            }
        }
        assertThat(mosaic.at("/bands/0/type").asText()).isEqualTo(cog.at("/bands/0/type").asText());
        assertThat(mosaic.at("/bands/0/checksum").asInt()).as("the heights GDAL read over HTTP are the COG's")
                .isEqualTo(cog.at("/bands/0/checksum").asInt());
    }

    private static String gdal(Map<String, String> environment, String... command) throws Exception {
        Process process = process(environment, command);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.substring(output.indexOf('{'));
    }

    private static Process process(Map<String, String> environment, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void assertBadField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(json.readTree(response.body()).get("parameter").asText()).isEqualTo(field);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode postJson(String body) throws Exception {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as(body + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("geo+json"));
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + "/stac/search")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> links(JsonNode document, String rel) {
        List<String> hrefs = new ArrayList<>();
        document.get("links").forEach(link -> {
            if (link.get("rel").asText().equals(rel)) {
                hrefs.add(link.get("href").asText());
            }
        });
        return hrefs;
    }

    private static JsonNode link(JsonNode document, String rel) {
        for (JsonNode link : document.get("links")) {
            if (link.get("rel").asText().equals(rel)) {
                return link;
            }
        }
        throw new AssertionError("no " + rel + " link in " + document.get("links"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the test server", e);
        }
    }
}
