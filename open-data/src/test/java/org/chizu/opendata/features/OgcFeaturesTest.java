package org.chizu.opendata.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.assertj.core.data.Offset;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.opendata.download.RunningServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OgcFeaturesTest extends RunningServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");

    @Autowired
    StaffAccounts accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void gdalListsThePublicCollectionsAndCountsTheirFeatures() throws Exception {
        String listing = gdal("ogrinfo", "-ro", "-q", "OAPIF:" + root());
        assertThat(listing).contains("roads").contains("facilities").contains("hazard_zones").doesNotContain("water_pipes");
        for (String layer : List.of("roads", "facilities", "hazard_zones")) {
            String info = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root(), layer);
            Matcher count = FEATURE_COUNT.matcher(info);
            assertThat(count.find()).as(info).isTrue();
            assertThat(Long.parseLong(count.group(1))).as(layer).isEqualTo(count(layer));
        }
    }

    @Test
    void gdalReadsFeaturesWithAnAttributeFilterAsTheDatabaseCountsThem() throws Exception {
        String info = gdal("ogrinfo", "-ro", "-al", "-q", "-where", "road_class = 'national'", "OAPIF:" + root(), "roads");
        assertThat(occurrences(info, "OGRFeature(roads)")).isEqualTo(
                jdbc.queryForObject("select count(*) from roads where road_class = 'national'", Long.class));
        assertThat(info).contains("国道9号（安来道路）");
    }

    @Test
    void gdalReadsAPageFilteredWithCql2InAnotherCrs() throws Exception {
        String page = root() + "/collections/roads/items?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857")
                + "&filter=" + enc("road_class IN ('national', 'prefectural') AND width_m > 5");
        String info = gdal("ogrinfo", "-ro", "-al", "-q", page);
        assertThat(occurrences(info, "OGRFeature(")).isEqualTo(jdbc.queryForObject(
                "select count(*) from roads where road_class in ('national', 'prefectural') and width_m > 5", Long.class));
        Matcher x = Pattern.compile("MULTILINESTRING \\(\\((\\d+\\.?\\d*) ").matcher(info);
        assertThat(x.find()).as(info).isTrue();
        assertThat(Double.parseDouble(x.group(1))).as("metres, not degrees").isGreaterThan(1.4e7);
    }

    @Test
    void gdalReadsTheLandingPageConformanceCollectionsOneCollectionAndItsItemsAsJson() throws Exception {
        assertThat(gdal("ogrinfo", "-ro", "-q", "OAPIF:" + root())).contains("roads");
        String collection = gdal("ogrinfo", "-ro", "-so", "OAPIF:" + root() + "/collections/roads", "roads");
        Matcher count = FEATURE_COUNT.matcher(collection);
        assertThat(count.find()).as(collection).isTrue();
        assertThat(Long.parseLong(count.group(1))).isEqualTo(count("roads"));
        String items = gdal("ogrinfo", "-ro", "-al", "-q", root() + "/collections/roads/items");
        assertThat(occurrences(items, "OGRFeature(")).isEqualTo(count("roads"));
    }

    @Test
    void everyPageAnswersABrowserWithHtmlAndAClientWithJsonAndEachLinksTheOther() throws Exception {
        long item = jdbc.queryForObject("select min(id) from roads", Long.class);
        List<String> pages = List.of("/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/roads",
                "/ogc/collections/roads/items", "/ogc/collections/roads/items/" + item, "/ogc/collections/roads/queryables",
                "/ogc/tileMatrixSets", "/ogc/tileMatrixSets/WebMercatorQuad", "/ogc/collections/roads/tiles",
                "/ogc/collections/roads/tiles/WebMercatorQuad");
        for (String page : pages) {
            for (String accept : List.of(BROWSER_ACCEPT, "text/html")) {
                HttpResponse<byte[]> html = get(page, "Accept", accept);
                assertThat(html.statusCode()).as(page + " with Accept " + accept).isEqualTo(200);
                assertThat(html.headers().firstValue("Content-Type").orElseThrow()).as(page).startsWith("text/html");
                assertThat(new String(html.body(), StandardCharsets.UTF_8)).as(page).contains("<h1>").containsPattern(
                        "rel=\"alternate\" type=\"application/[a-z+]*json\"");
            }
            assertThat(get(page + "?f=html").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            HttpResponse<byte[]> json = get(page, "Accept", "application/json");
            assertThat(json.statusCode()).as(page).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type").orElseThrow()).as(page).containsPattern("application/[a-z+]*json");
            if (!page.endsWith("/queryables")) { // a JSON Schema, whose keywords have no place for links
                assertThat(JSON.readTree(json.body()).get("links").toString()).as(page)
                        .contains("\"rel\":\"alternate\",\"type\":\"text/html\"");
            }
        }
        assertThat(get("/ogc/collections?f=xml").statusCode()).isEqualTo(400);
    }

    @Test
    void aBboxWhoseFirstLongitudeIsLargerCrossesTheAntimeridian() throws Exception {
        jdbc.update("""
                insert into roads (road_class, name, geom) values
                ('municipal', '日付変更線の東', ST_SetSRID(ST_Multi(ST_MakeLine(ST_MakePoint(179.8, 34.70), ST_MakePoint(179.9, 34.71))), 6668)),
                ('municipal', '日付変更線の西', ST_SetSRID(ST_Multi(ST_MakeLine(ST_MakePoint(-179.9, 34.70), ST_MakePoint(-179.8, 34.71))), 6668))""");
        try {
            assertThat(names(json("/ogc/collections/roads/items?bbox=179.5,34.6,-179.5,34.8")))
                    .containsExactlyInAnyOrder("日付変更線の東", "日付変更線の西");
            JsonNode fromJapan = json("/ogc/collections/roads/items?bbox=131.7,34.55,-179.85,34.8");
            assertThat(names(fromJapan)).contains("日付変更線の東", "日付変更線の西", "国道9号").hasSize(ids(json(
                    "/ogc/collections/roads/items?bbox=131.7,34.55,132.0,34.8")).size() + 2);
            assertThat(names(json("/ogc/collections/roads/items?bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326")
                    + "&bbox=34.6,179.5,34.8,-179.5"))).as("latitude first").hasSize(2);
            String download = new String(get("/data/roads.geojson?bbox=179.5,34.6,-179.5,34.8").body(), StandardCharsets.UTF_8);
            assertThat(download).contains("日付変更線の東", "日付変更線の西");
            assertThat(problem("/ogc/collections/roads/items?bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857")
                    + "&bbox=2000,0,1000,10").get("detail").asText()).contains("projected");
        } finally {
            jdbc.update("delete from roads where name like '日付変更線%'");
        }
    }

    @Test
    void walkingNextLinksReturnsEveryFeatureExactlyOnce() throws Exception {
        jdbc.update("insert into roads (road_class, name, geom) select 'municipal', '市道' || g, "
                + "ST_Multi(ST_MakeLine(ST_MakePoint(131.8 + g * 0.0001, 34.6), ST_MakePoint(131.8 + g * 0.0001, 34.61))) "
                + "from generate_series(1, 250) g");
        List<Long> ids = new ArrayList<>();
        String next = "/ogc/collections/roads/items?limit=40";
        int pages = 0;
        while (next != null) {
            JsonNode page = json(next);
            assertThat(page.get("numberMatched").asLong()).isEqualTo(count("roads"));
            assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
            page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
            next = link(page, "next");
            pages++;
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize((int) count("roads"));
        assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(jdbc.queryForList("select id from roads", Long.class)));
        assertThat(pages).isEqualTo((int) Math.ceil(count("roads") / 40.0));
        jdbc.update("delete from roads where name like '市道%' and route_no is null and administrator is null");
    }

    @Test
    void emptyPagesStillTellHowManyFeaturesMatch() throws Exception {
        JsonNode beyondTheLast = json("/ogc/collections/roads/items?limit=10&offset=" + (count("roads") + 5));
        assertThat(beyondTheLast.get("features")).isEmpty();
        assertThat(beyondTheLast.get("numberMatched").asLong()).isEqualTo(count("roads"));
        assertThat(link(beyondTheLast, "next")).isNull();
        assertThat(link(beyondTheLast, "prev")).isNotNull();

        JsonNode nothingThere = json("/ogc/collections/roads/items?bbox=140.0,40.0,140.01,40.01");
        assertThat(nothingThere.get("features")).isEmpty();
        assertThat(nothingThere.get("numberMatched").asLong()).isZero();
        assertThat(nothingThere.get("numberReturned").asLong()).isZero();
    }

    @Test
    void bboxInAPlaneRectangularSystemSelectsTheSameFeaturesAsInLongitudeLatitude() throws Exception {
        JsonNode lonLat = json("/ogc/collections/roads/items?bbox=131.7,34.55,132.0,34.8");
        // EPSG:6671 (zone III) is northing first: minY,minX,maxY,maxX.
        double[] box = jdbc.queryForObject("""
                select array[ST_YMin(b), ST_XMin(b), ST_YMax(b), ST_XMax(b)]::float8[] from
                (select ST_Transform(ST_MakeEnvelope(131.7, 34.55, 132.0, 34.8, 4326), 6671)::box2d b) s""",
                (rs, i) -> {
                    Double[] values = (Double[]) rs.getArray(1).getArray();
                    return new double[] {values[0], values[1], values[2], values[3]};
                });
        JsonNode planar = json("/ogc/collections/roads/items?bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/6671")
                + "&bbox=" + box[0] + "," + box[1] + "," + box[2] + "," + box[3]);
        assertThat(ids(planar)).isEqualTo(ids(lonLat)).hasSize(3);
    }

    @Test
    void crsGivesCoordinatesInThatSystemsAxisOrderWithContentCrs() throws Exception {
        HttpResponse<byte[]> response = get("/ogc/collections/facilities/items?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/6671"));
        assertThat(response.headers().firstValue("Content-Crs")).contains("<http://www.opengis.net/def/crs/EPSG/0/6671>");
        JsonNode feature = JSON.readTree(response.body()).get("features").get(0);
        long id = feature.get("id").asLong();
        double northing = jdbc.queryForObject("select ST_Y(ST_Transform(geom, 6671)) from facilities where id = ?", Double.class, id);
        double easting = jdbc.queryForObject("select ST_X(ST_Transform(geom, 6671)) from facilities where id = ?", Double.class, id);
        assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(northing, Offset.offset(0.001));
        assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isCloseTo(easting, Offset.offset(0.001));

        HttpResponse<byte[]> crs84 = get("/ogc/collections/facilities/items/" + id);
        assertThat(crs84.headers().firstValue("Content-Crs")).contains("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        assertThat(JSON.readTree(crs84.body()).get("geometry").get("coordinates").get(0).asDouble()).isBetween(131.0, 134.0);
    }

    @Test
    void cql2TextSelectsWithEachOperator() throws Exception {
        assertThat(names("roads", "road_class = 'national'")).containsExactlyInAnyOrder("国道9号", "国道9号（安来道路）");
        assertThat(names("roads", "road_class <> 'municipal' AND width_m >= 10")).containsExactlyInAnyOrder("国道9号", "国道9号（安来道路）");
        assertThat(names("roads", "name LIKE '%高津%'")).containsExactly("市道高津１号線「駅前通り」");
        assertThat(names("roads", "surface IN ('gravel', 'concrete')")).containsExactlyInAnyOrder("林道 髙橋線", "市道高津１号線「駅前通り」");
        assertThat(names("roads", "width_m BETWEEN 4 AND 7.5")).containsExactlyInAnyOrder("県道益田種線", "市道高津１号線「駅前通り」");
        assertThat(names("roads", "NOT (route_no IS NULL) AND (width_m < 8 OR width_m > 12)"))
                .containsExactlyInAnyOrder("県道益田種線", "国道9号");
        assertThat(names("roads", "S_INTERSECTS(geometry, POLYGON((131.74 34.69, 131.79 34.69, 131.79 34.73, 131.74 34.73, 131.74 34.69)))"))
                .containsExactly("県道益田種線");
        assertThat(names("roads", "S_WITHIN(geometry, BBOX(133.0, 35.3, 133.5, 35.5))")).containsExactlyInAnyOrder("国道9号（安来道路）", "林道 髙橋線");
        assertThat(names("hazard_zones", "T_AFTER(designated_on, DATE('2020-01-01'))")).containsExactly("高津川洪水浸水想定区域");
        assertThat(names("hazard_zones", "T_BEFORE(designated_on, TIMESTAMP('2020-01-01T00:00:00Z'))")).containsExactly("土砂災害警戒区域（急傾斜地）");
        assertThat(names("hazard_zones", "T_DURING(designated_on, INTERVAL('2019-01-01', '2019-12-31'))")).containsExactly("土砂災害警戒区域（急傾斜地）");
        assertThat(names("hazard_zones", "T_INTERSECTS(designated_on, INTERVAL('2021-06-15', '..'))")).containsExactly("高津川洪水浸水想定区域");
    }

    @Test
    void cql2JsonSelectsLikeTheSameFilterInText() throws Exception {
        String json = """
                {"op":"and","args":[
                  {"op":"in","args":[{"property":"road_class"},["national","prefectural"]]},
                  {"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[131.7,34.55],[132.0,34.55],[132.0,34.8],[131.7,34.8],[131.7,34.55]]]}]},
                  {"op":"not","args":[{"op":"like","args":[{"property":"name"},"県道%"]}]}]}""";
        JsonNode page = json("/ogc/collections/roads/items?filter-lang=cql2-json&filter=" + enc(json));
        assertThat(names(page)).containsExactly("国道9号");
        assertThat(page.get("numberMatched").asInt()).isEqualTo(1);
    }

    @Test
    void datetimeSelectsByTheLayersDate() throws Exception {
        assertThat(names(json("/ogc/collections/hazard_zones/items?datetime=2021-06-15"))).containsExactly("高津川洪水浸水想定区域");
        assertThat(names(json("/ogc/collections/hazard_zones/items?datetime=../2020-01-01"))).containsExactly("土砂災害警戒区域（急傾斜地）");
        assertThat(get("/ogc/collections/roads/items?datetime=2021-06-15").statusCode()).isEqualTo(400);
    }

    @Test
    void aMalformedFilterIsAProblemSayingWhere() throws Exception {
        JsonNode text = problem("/ogc/collections/roads/items?filter=" + enc("road_class = 'national' AND width_m >"));
        assertThat(text.get("at").asText()).isEqualTo("character 37");
        JsonNode unknown = problem("/ogc/collections/roads/items?filter=" + enc("colour = 'red'"));
        assertThat(unknown.get("detail").asText()).contains("colour").contains("road_class");
        assertThat(unknown.get("at").asText()).isEqualTo("character 0");
        JsonNode mistyped = problem("/ogc/collections/roads/items?filter=" + enc("width_m = 'wide'"));
        assertThat(mistyped.get("at").asText()).isEqualTo("character 10");
        JsonNode json = problem("/ogc/collections/roads/items?filter-lang=cql2-json&filter="
                + enc("{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"x\"]},{\"op\":\"frobnicate\",\"args\":[]}]}"));
        assertThat(json.get("at").asText()).isEqualTo("/args/1/op");
        assertThat(problem("/ogc/collections/roads/items?colour=red").get("detail").asText()).contains("colour");
    }

    @Test
    void filtersTheDatabaseWouldRefuseAreProblemsNamingWhereNotServerErrors() throws Exception {
        String items = "/ogc/collections/roads/items?filter=";
        assertThat(problem(items + enc("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 0 0)))")).get("at").asText()).isEqualTo("character 23");
        assertThat(problem(items + enc("S_INTERSECTS(geometry, POINT(Infinity 0))")).get("detail").asText()).contains("finite");
        assertThat(problem(items + enc("name LIKE '\\'")).get("detail").asText()).contains("escape");
        for (String time : List.of("-999999-01-01T00:00:00Z", "+999999-12-31T23:59:59Z", "+294277-01-01T00:00:00Z")) {
            assertThat(problem("/ogc/collections/hazard_zones/items?filter=" + enc("T_AFTER(designated_on, TIMESTAMP('" + time + "'))"))
                    .get("detail").asText()).contains("outside the years 1 to 9999");
            answeredOrRefused("/ogc/collections/hazard_zones/items?datetime=" + enc(time));
        }
        assertThat(problem("/ogc/collections/roads/items?bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/6671")
                + "&bbox=-1e30,-1e30,1e30,1e30").get("type").asText()).startsWith("urn:chizu:problem:");
        assertThat(problem(items + enc("(".repeat(1000) + "width_m = 1" + ")".repeat(1000))).get("detail").asText()).contains("100 deep");
        assertThat(problem(items + enc("NOT ".repeat(1000) + "width_m = 1")).get("detail").asText()).contains("100 deep");
        assertThat(problem(items + enc("name = 'a\0b'")).get("parameter").asText()).isEqualTo("filter");
        assertThat(json(items + enc("width_m = 1e20")).get("numberMatched").asInt()).isZero();
        // Found by the fuzz suite: a blank text literal was taken as "no value" and failed as a 500.
        assertThat(json(items + enc("route_no = ' '")).get("numberMatched").asInt()).isZero();
        assertThat(problem("/ogc/collections/hazard_zones/items?filter=" + enc("designated_on = ' '")).get("at").asText())
                .isEqualTo("character 16");
        assertThat(problem(items + enc("id = 99999999999999999999")).get("at").asText()).isEqualTo("character 5");
        assertThat(problem(items.replace("filter=", "filter-lang=cql2-json&filter=")
                + enc("{\"op\":\"=\",\"args\":[{\"property\":\"id\"},99999999999999999999]}")).get("at").asText()).isEqualTo("/args/1");
    }

    @Test
    void aStaffOnlyCollectionExistsOnlyForStaff() throws Exception {
        assertThat(get("/ogc/collections/water_pipes").statusCode()).isEqualTo(404);
        assertThat(get("/ogc/collections/water_pipes/items").statusCode()).isEqualTo(404);
        assertThat(ids(json("/ogc/collections"), "collections")).doesNotContain("water_pipes");
        assertThat(paths(json("/ogc/api"))).noneMatch(p -> p.contains("water_pipes"));

        String token = "Bearer " + accounts.create("ogc-reader", Role.STAFF).token().token();
        HttpResponse<byte[]> staff = get("/ogc/collections/water_pipes/items", "Authorization", token);
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(staff.body()).get("numberMatched").asLong()).isEqualTo(count("water_pipes"));
        assertThat(ids(JSON.readTree(get("/ogc/collections", "Authorization", token).body()), "collections")).contains("water_pipes");
    }

    @Test
    void theOpenApiDocumentDescribesEveryPublicCollectionWithItsQueryables() throws Exception {
        HttpResponse<byte[]> response = get("/ogc/api");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.oai.openapi+json");
        JsonNode api = JSON.readTree(response.body());
        assertThat(api.get("openapi").asText()).startsWith("3.0");
        assertThat(paths(api)).contains("/collections/roads/items", "/collections/facilities/items/{featureId}", "/collections/hazard_zones/queryables");
        List<String> parameters = new ArrayList<>();
        api.get("paths").get("/collections/roads/items").get("get").get("parameters")
                .forEach(p -> parameters.add(p.has("name") ? p.get("name").asText() : p.get("$ref").asText()));
        assertThat(parameters).contains("road_class", "#/components/parameters/filter");

        JsonNode queryables = json("/ogc/collections/roads/queryables");
        assertThat(queryables.get("properties").get("road_class").get("enum")).hasSize(3);
        JsonNode collection = json("/ogc/collections/roads");
        assertThat(collection.get("crs").toString()).contains("EPSG/0/6671").contains("OGC/1.3/CRS84");
        assertThat(collection.get("storageCrs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/6668");
        assertThat(collection.has("members")).isFalse();
        assertThat(json("/ogc/conformance").get("conformsTo").toString()).contains("ogcapi-features-1/1.0/conf/core", "cql2/1.0/conf/cql2-text");
    }

    @Test
    void theOpenApiDocumentIsValidAndDescribesEveryOperationUnderOgcWithAnOperationId() throws Exception {
        String document = new String(get("/ogc/api").body(), StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(parsed.getMessages()).as("OpenAPI 3.0 validation").isEmpty();
        OpenAPI api = parsed.getOpenAPI();

        List<String> operationIds = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> operationIds.add(operation.getOperationId())));
        assertThat(operationIds).doesNotContainNull().doesNotHaveDuplicates();
        Set<String> served = new HashSet<>();
        mappings.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().stream()
                .filter(pattern -> pattern.equals("/ogc") || pattern.startsWith("/ogc/"))
                .map(pattern -> pattern.substring("/ogc".length()).replace("{collectionId}", "roads"))
                .forEach(pattern -> served.add(pattern.isEmpty() ? "/" : pattern)));
        assertThat(served).contains("/collections/roads/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}");
        assertThat(api.getPaths().keySet()).containsAll(served);
    }

    @Test
    void htmlPagesAreJapaneseFirstAndLinkTheMapAndDownloads() throws Exception {
        HttpResponse<byte[]> page = get("/ogc/collections/roads/items", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html).contains("道路 (Roads)").contains("路線名").contains("国道").contains("/data/roads.gpkg").contains("<svg");
        String one = new String(get("/ogc/collections/roads/items/1?f=html").body(), StandardCharsets.UTF_8);
        assertThat(one).contains("国道9号");
        assertThat(new String(get("/ogc/collections?f=html").body(), StandardCharsets.UTF_8)).contains("ハザード区域 (Hazard zones)")
                .doesNotContain("water_pipes");
        assertThat(new String(get("/ogc?f=html").body(), StandardCharsets.UTF_8)).contains("/ogc/api.html");
        assertThat(JSON.readTree(get("/ogc", "Accept", "application/json").body()).get("links").toString()).contains("service-desc");
    }

    private String root() {
        return "http://127.0.0.1:" + port + "/ogc";
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> response = get(path.startsWith("http") ? path.substring(root().length() - 4) : path);
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Either an answer or a problem+json, never a server error. */
    private void answeredOrRefused(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isIn(200, 400);
        if (response.statusCode() == 400) {
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/problem+json");
        }
    }

    private JsonNode problem(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }

    private List<String> names(String layer, String filter) throws Exception {
        return names(json("/ogc/collections/" + layer + "/items?filter=" + enc(filter)));
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("features").forEach(f -> names.add(f.get("properties").get("name").asText()));
        return names;
    }

    private static Set<Long> ids(JsonNode page) {
        Set<Long> ids = new HashSet<>();
        page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static List<String> ids(JsonNode document, String member) {
        List<String> ids = new ArrayList<>();
        document.get(member).forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static List<String> paths(JsonNode api) {
        List<String> paths = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private static String link(JsonNode document, String rel) {
        for (JsonNode link : document.get("links")) {
            if (link.get("rel").asText().equals(rel)) {
                return link.get("href").asText();
            }
        }
        return null;
    }

    private static long occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
