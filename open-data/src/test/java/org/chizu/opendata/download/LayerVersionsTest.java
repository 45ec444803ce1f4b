package org.chizu.opendata.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.version.HistoryPruning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LayerVersionsTest extends RunningServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    LayerRegistry registry;

    @Autowired
    HistoryPruning pruning;

    @TempDir
    Path folder;

    @Test
    void aChangedFeatureMakesANewVersionAndTheOldOneStillDownloads() throws Exception {
        String before = latestVersion("roads");
        long prefectural = jdbc.queryForObject("select id from roads where route_no = 'K13'", Long.class);
        jdbc.update("update roads set name = '県道益田種線（改良済）', width_m = 9.5 where id = ?", prefectural);
        long added = jdbc.queryForObject("""
                insert into roads (name, road_class, geom)
                values ('新設市道', 'municipal', ST_Multi(ST_GeomFromText('LINESTRING(131.9 34.7, 131.91 34.71)', 6668)))
                returning id""", Long.class);
        long removed = jdbc.queryForObject("select id from roads where name = '林道 髙橋線'", Long.class);
        jdbc.update("delete from roads where id = ?", removed);

        List<String> versions = versionIds("roads");
        assertThat(versions).hasSizeGreaterThanOrEqualTo(2).contains(before);
        assertThat(versions.getFirst()).isGreaterThan(before);

        JsonNode old = json("/data/roads.geojson?version=" + before);
        assertThat(nameOf(old, prefectural)).isEqualTo("県道益田種線");
        assertThat(ids(old)).contains(removed).doesNotContain(added);
        assertThat(nameOf(json("/data/roads.geojson"), prefectural)).isEqualTo("県道益田種線（改良済）");

        Layer roads = registry.find("roads").orElseThrow();
        Path oldPackage = download("/data/roads.gpkg?version=" + before, folder, "old.gpkg");
        ReadBack oldRead = ReadBack.viaGdal(roads, DownloadFormat.GEOPACKAGE, oldPackage);
        assertThat(oldRead.properties().get(prefectural).get("name")).isEqualTo("県道益田種線");
        assertThat(oldRead.properties().get(prefectural).get("width_m")).isEqualTo("7");
        assertThat(oldRead.properties()).containsKey(removed).doesNotContainKey(added);

        JsonNode changes = json("/data/roads/changes?since=" + before).get("changes");
        assertThat(changes).hasSize(3);
        for (JsonNode change : changes) {
            long id = change.get("id").asLong();
            String kind = change.get("change").asText();
            if (id == prefectural) {
                assertThat(kind).isEqualTo("changed");
                assertThat(change.get("properties").get("name").asText()).isEqualTo("県道益田種線（改良済）");
            } else if (id == added) {
                assertThat(kind).isEqualTo("added");
            } else {
                assertThat(id).isEqualTo(removed);
                assertThat(kind).isEqualTo("removed");
                assertThat(change.get("properties").get("name").asText()).isEqualTo("林道 髙橋線");
            }
        }
    }

    @Test
    void aDownloadPinnedToAVersionNamesItInTheFileNameAndKeepsItsEtag() throws Exception {
        String version = latestVersion("facilities");
        HttpResponse<byte[]> pinned = get("/data/facilities.fgb?version=" + version);
        assertThat(pinned.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("facilities-" + version.substring(0, 13) + "Z.fgb");
        jdbc.update("update facilities set capacity = capacity + 1 where capacity is not null");
        HttpResponse<byte[]> again = get("/data/facilities.fgb?version=" + version);
        assertThat(again.headers().firstValue("ETag")).isEqualTo(pinned.headers().firstValue("ETag"));
        assertThat(again.body()).isEqualTo(pinned.body());
        assertThat(get("/data/facilities.fgb").headers().firstValue("ETag")).isNotEqualTo(pinned.headers().firstValue("ETag"));
    }

    @Test
    void aVersionOlderThanTheRetentionPeriodIsGone() throws Exception {
        HttpResponse<byte[]> gone = get("/data/roads.geojson?version=2001-01-01T00:00:00Z");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("retention");
        assertThat(get("/data/roads.geojson?version=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void pruningKeepsEveryStateWithinTheRetentionPeriod() throws Exception {
        jdbc.update("update hazard_zones set name = name || '（改）'");
        long states = jdbc.queryForObject("select count(*) from feature_history where layer_table = 'hazard_zones'", Long.class);
        assertThat(pruning.prune()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from feature_history where layer_table = 'hazard_zones'", Long.class)).isEqualTo(states);

        jdbc.update("update feature_history set valid_from = valid_from - interval '3 years', valid_to = valid_to - interval '2 years' "
                + "where layer_table = 'hazard_zones' and valid_to is not null");
        assertThat(pruning.prune()).isEqualTo(2);
        assertThat(json("/data/hazard_zones.geojson").get("features")).hasSize(2);
    }

    private String latestVersion(String layer) throws Exception {
        return versionIds(layer).getFirst();
    }

    private List<String> versionIds(String layer) throws Exception {
        List<String> ids = new ArrayList<>();
        json("/data/" + layer + "/versions").get("versions").forEach(v -> ids.add(v.get("id").asText()));
        return ids;
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode collection) {
        List<Long> ids = new ArrayList<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static String nameOf(JsonNode collection, long id) {
        for (JsonNode feature : collection.get("features")) {
            if (feature.get("id").asLong() == id) {
                return feature.get("properties").get("name").asText();
            }
        }
        throw new AssertionError("no feature " + id);
    }
}
