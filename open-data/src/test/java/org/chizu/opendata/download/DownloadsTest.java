package org.chizu.opendata.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.encoding.CsvOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DownloadsTest extends RunningServer {

    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    LayerRegistry registry;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(DownloadFormat.class)
    void gdalOpensEveryFormatWithAsManyFeaturesAsTheDatabaseHolds(DownloadFormat format) throws Exception {
        for (String layer : List.of("roads", "facilities", "hazard_zones")) {
            Path file = download("/data/" + layer + "." + format.extension() + "?header=names", folder, layer + "." + format.extension());
            String info = gdal("ogrinfo", "-ro", "-so", "-al", format == DownloadFormat.SHAPEFILE ? "/vsizip/" + file : file.toString());
            Matcher count = FEATURE_COUNT.matcher(info);
            assertThat(count.find()).as(info).isTrue();
            assertThat(Long.parseLong(count.group(1))).as(layer + " in " + format).isEqualTo(count(layer));
        }
    }

    @ParameterizedTest
    @EnumSource(value = DownloadFormat.class, names = "GEOJSON", mode = EnumSource.Mode.EXCLUDE)
    void everyFormatReadsBackAsTheSameFeaturesAndJapaneseTextAsTheGeoJson(DownloadFormat format) throws Exception {
        for (String layerId : List.of("roads", "facilities", "hazard_zones")) {
            Layer layer = registry.find(layerId).orElseThrow();
            ReadBack expected = ReadBack.geoJson(layer, get("/data/" + layerId + ".geojson").body());
            Path file = download("/data/" + layerId + "." + format.extension() + "?header=names", folder, layerId + "." + format.extension());
            ReadBack actual = ReadBack.viaGdal(layer, format, file);

            assertThat(actual.properties()).as(layerId + " in " + format).isEqualTo(expected.properties());
            expected.geometries().forEach((id, geometry) ->
                    assertThat(ReadBack.distance(geometry, actual.geometries().get(id))).as(layerId + " " + id + " in " + format).isLessThan(1e-7));
        }
        assertThat(ReadBack.geoJson(registry.find("roads").orElseThrow(), get("/data/roads.geojson").body()).properties().values())
                .anySatisfy(p -> assertThat(p.get("name")).isEqualTo("市道高津１号線「駅前通り」"));
    }

    @Test
    void bboxKeepsOnlyTheFeaturesInTheBox() throws Exception {
        JsonNode masuda = json("/data/roads.geojson?bbox=131.7,34.55,132.0,34.8");
        assertThat(names(masuda)).containsExactlyInAnyOrder("国道9号", "県道益田種線", "市道高津１号線「駅前通り」");
    }

    @Test
    void withinAMunicipalityKeepsOnlyItsFeatures() throws Exception {
        assertThat(names(json("/data/roads.geojson?within=32206"))).containsExactlyInAnyOrder("国道9号（安来道路）", "林道 髙橋線");
        String polygon = URLEncoder.encode("POLYGON((131.74 34.69, 131.79 34.69, 131.79 34.73, 131.74 34.73, 131.74 34.69))", StandardCharsets.UTF_8);
        assertThat(names(json("/data/roads.geojson?within=" + polygon))).containsExactly("県道益田種線");
    }

    @Test
    void aPlaneRectangularCrsGivesMetres() throws Exception {
        JsonNode road = json("/data/facilities.geojson?crs=EPSG:6671").get("features").get(0);
        double x = road.get("geometry").get("coordinates").get(0).asDouble();
        Double expectedX = jdbc.queryForObject("select ST_X(ST_Transform(geom, 6671)) from facilities where id = ?",
                Double.class, road.get("id").asLong());
        assertThat(x).isCloseTo(expectedX, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        HttpResponse<byte[]> badBox = get("/data/roads.geojson?bbox=1,2,3");
        assertThat(badBox.statusCode()).isEqualTo(400);
        assertThat(new String(badBox.body(), StandardCharsets.UTF_8)).contains("bbox");
        assertThat(get("/data/roads.geojson?within=99999").statusCode()).isEqualTo(400);
        assertThat(get("/data/roads.kml").statusCode()).isEqualTo(400);
        assertThat(get("/data/roads.geojson?crs=EPSG:2451").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> trailing = get("/data/roads.geojson?within=" + URLEncoder.encode(
                "POLYGON((131 34, 132 34, 132 35, 131 34)) and more", StandardCharsets.UTF_8));
        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(trailing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new String(trailing.body(), StandardCharsets.UTF_8)).contains("within", "and more");
    }

    @Test
    void valuesTheDatabaseRefusesAreProblemsBeforeAnyFeatureIsSent() throws Exception {
        for (String extension : List.of("geojson", "csv", "gpkg")) {
            HttpResponse<byte[]> outside = get("/data/roads." + extension + "?bbox-crs=EPSG:6671&bbox=-1e30,-1e30,1e30,1e30");
            assertThat(outside.statusCode()).as(extension).isEqualTo(400);
            assertThat(outside.headers().firstValue("Content-Type").orElseThrow()).as(extension).startsWith("application/problem+json");
            assertThat(outside.headers().allValues("Content-Disposition")).as(extension + ": not saved as the download")
                    .noneMatch(disposition -> disposition.startsWith("attachment"));
            assertThat(outside.headers().firstValue("ETag")).as(extension + ": no validator of the download").isEmpty();
        }
    }

    @Test
    void anExtensionIsReadInAnyCase() throws Exception {
        HttpResponse<byte[]> upper = get("/data/roads.GEOJSON");
        assertThat(upper.statusCode()).isEqualTo(200);
        assertThat(upper.body()).isEqualTo(get("/data/roads.geojson").body());
        assertThat(get("/data/roads.Csv").statusCode()).isEqualTo(200);
    }

    @Test
    void csvIsUtf8WithByteOrderMarkOrShiftJisWithJapaneseHeaders() throws Exception {
        byte[] utf8 = get("/data/roads.csv").body();
        assertThat(Arrays.copyOf(utf8, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(utf8, StandardCharsets.UTF_8)).contains("路線名").contains("形状 (WKT)");

        HttpResponse<byte[]> sjis = get("/data/roads.csv?encoding=shift_jis");
        assertThat(sjis.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("windows-31j");
        String text = new String(sjis.body(), CsvOptions.SHIFT_JIS);
        assertThat(text).startsWith("ID,路線番号,路線名,道路種別").contains("林道 髙橋線").contains("市道高津１号線「駅前通り」");

        String points = new String(get("/data/facilities.csv").body(), StandardCharsets.UTF_8);
        assertThat(points).contains("経度,緯度").contains("131.8512345,34.6789012");
    }

    @Test
    void aStaffOnlyLayerDoesNotExistForThePublic() throws Exception {
        assertThat(get("/data/water_pipes.geojson").statusCode()).isEqualTo(404);
        assertThat(get("/data/water_pipes.gpkg").statusCode()).isEqualTo(404);
        assertThat(get("/data/water_pipes/versions").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnchangedDownloadIsNotSentTwice() throws Exception {
        HttpResponse<byte[]> first = get("/data/roads.geojson");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(first.headers().firstValue("Content-Disposition").orElseThrow()).matches(".*roads-\\d{8}T\\d{4}Z\\.geojson.*");

        HttpResponse<byte[]> again = get("/data/roads.geojson", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(get("/data/roads.geojson?bbox=131.7,34.55,132.0,34.8", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void aGeoPackageIsServedWithItsLengthAndByRange() throws Exception {
        HttpResponse<byte[]> whole = get("/data/roads.gpkg");
        assertThat(whole.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(whole.body().length);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");

        HttpResponse<byte[]> part = get("/data/roads.gpkg", "Range", "bytes=100-1123");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 100, 1124));
        assertThat(new String(Arrays.copyOf(whole.body(), 15), StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
    }

    @Test
    void everyDownloadIsCountedPerLayerMonthAndFormat() throws Exception {
        long geojsonBefore = downloads("hazard_zones", "geojson");
        long fgbBefore = downloads("hazard_zones", "fgb");
        get("/data/hazard_zones.geojson");
        get("/data/hazard_zones.geojson");
        get("/data/hazard_zones.fgb");
        get("/data/hazard_zones.fgb", "Range", "bytes=0-9");

        assertThat(downloads("hazard_zones", "geojson")).isEqualTo(geojsonBefore + 2);
        assertThat(downloads("hazard_zones", "fgb")).isEqualTo(fgbBefore + 1);
        JsonNode stats = json("/data/stats").get("downloads");
        long reported = 0;
        for (JsonNode row : stats) {
            if (row.get("layer").asText().equals("hazard_zones") && row.get("format").asText().equals("geojson")) {
                reported += row.get("count").asLong();
            }
        }
        assertThat(reported).isEqualTo(downloads("hazard_zones", "geojson"));
    }

    private long downloads(String layer, String format) {
        return jdbc.queryForObject("select coalesce(sum(count), 0) from download_count where layer_id = ? and format = ?",
                Long.class, layer, format);
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> names(JsonNode collection) {
        List<String> names = new java.util.ArrayList<>();
        collection.get("features").forEach(f -> names.add(f.get("properties").get("name").asText()));
        return names;
    }
}
