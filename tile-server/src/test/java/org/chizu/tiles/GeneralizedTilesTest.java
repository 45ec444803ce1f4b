package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;

/**
 * Low zooms read tables prepared ahead (tiles.generalize), kept up to date: merged routes for roads,
 * zones simplified ahead for hazard zones.
 */
class GeneralizedTilesTest extends TileServerTest {

    /** Route 191 in three ledger segments, south-east of the fixture's national road 9. */
    private static final String SEGMENTS_OF_ROUTE_191 = """
            insert into roads (route_no, name, road_class, administrator, geom)
            select '191', '国道191号', 'national', '国土交通省',
                   st_setsrid(st_multi(st_makeline(st_makepoint(131.85 + 0.01 * i, 34.66), st_makepoint(131.86 + 0.01 * i, 34.66))), 6668)
            from generate_series(0, 2) as i""";

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aLowZoomTileCarriesOneMergedFeaturePerRouteWithTheGroupAttributes() throws Exception {
        try {
            jdbc.update(SEGMENTS_OF_ROUTE_191);
            generalizations.rebuild("roads");

            List<Map<String, Object>> roads = roads(11);

            assertThat(roads).extracting(r -> r.get("route_no")).containsExactlyInAnyOrder("9", "191");
            assertThat(roads).filteredOn(r -> "191".equals(r.get("route_no"))).singleElement()
                    .isEqualTo(Map.of("route_no", "191", "name", "国道191号", "road_class", "national"));
        } finally {
            removeRoute191();
        }
    }

    @Test
    void aHighZoomTileStillCarriesEveryLedgerSegment() throws Exception {
        try {
            jdbc.update(SEGMENTS_OF_ROUTE_191);
            generalizations.rebuild("roads");

            List<Map<String, Object>> roads = roads(14, 131.865, 34.66);

            assertThat(roads).filteredOn(r -> "191".equals(r.get("route_no"))).hasSizeGreaterThan(1)
                    .allSatisfy(r -> assertThat(r).containsKey("administrator"));
        } finally {
            removeRoute191();
        }
    }

    @Test
    void afterAnAnnouncedChangeTheLowZoomsShowTheNewRoute() throws Exception {
        assertThat(roads(11)).extracting(r -> r.get("route_no")).doesNotContain("191");
        try {
            jdbc.update(SEGMENTS_OF_ROUTE_191);
            events.publishEvent(new LayerDataChanged("roads", new Bounds(131.85, 34.66, 131.88, 34.66)));

            awaitRoute191AtZoom11("after the rebuild");
        } finally {
            removeRoute191();
        }
    }

    @Test
    void aRebuildThatFailedIsTriedAgain() throws Exception {
        try {
            jdbc.execute("alter table roads rename to roads_away");
            jdbc.update(SEGMENTS_OF_ROUTE_191.replace("into roads", "into roads_away"));
            events.publishEvent(new LayerDataChanged("roads", new Bounds(131.85, 34.66, 131.88, 34.66)));
            // The rebuild after the quiet second finds no roads table and fails.
            Thread.sleep(Generalizations.QUIET.toMillis() * 3);
            jdbc.execute("alter table roads_away rename to roads");

            awaitRoute191AtZoom11("after the retry");
        } finally {
            jdbc.execute("alter table if exists roads_away rename to roads");
            removeRoute191();
        }
    }

    /** Waits, as long as a rebuild may reasonably take, until the z11 tile shows route 191 beside route 9. */
    private void awaitRoute191AtZoom11(String when) {
        await("route 191 at z11 " + when).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(roads(11)).extracting(r -> r.get("route_no")).as("routes at z11 " + when).contains("191", "9"));
    }

    @Test
    void aLowZoomHazardTileKeepsEachZoneWithItsKindAndASimplifiedOutline() throws Exception {
        try {
            jdbc.update("""
                    insert into hazard_zones (kind, name, geom) values ('landslide_warning', '試験の急傾斜地',
                        st_multi(st_setsrid(st_buffer(st_setsrid(st_makepoint(131.86, 34.66), 6668)::geography, 300, 16)::geometry, 6668)))""");
            generalizations.rebuild("hazard_zones");

            JtsLayer zones = decode(tile("hazard_zones", 10, 131.86, 34.66)).getLayer("hazard_zones");

            assertThat(TileEndpointsTest.properties(zones)).containsExactlyInAnyOrder(
                    Map.of("kind", "flood", "flood_depth_class", "0_5_to_3m"), Map.of("kind", "landslide_warning"));
            Geometry circle = zones.getGeometries().stream()
                    .filter(g -> g.getUserData().equals(Map.of("kind", "landslide_warning"))).findFirst().orElseThrow();
            assertThat(circle.getNumPoints()).as("vertices of a 65-vertex circle about 4 px across at z10").isBetween(4, 20);
        } finally {
            jdbc.update("delete from hazard_zones where name = '試験の急傾斜地'");
            generalizations.rebuild("hazard_zones");
        }
    }

    @Test
    void specialWarningZonesJoinTheirWarningZoneFromZoom12() throws Exception {
        try {
            jdbc.update("""
                    insert into hazard_zones (kind, name, geom)
                    select kind, '試験の土石流', st_multi(st_setsrid(st_buffer(st_setsrid(st_makepoint(131.86, 34.66), 6668)::geography, radius)::geometry, 6668))
                    from (values ('landslide_warning', 600), ('landslide_special_warning', 250)) as zone(kind, radius)""");
            generalizations.rebuild("hazard_zones");

            assertThat(kindsAt(11)).contains("landslide_warning").doesNotContain("landslide_special_warning");
            assertThat(kindsAt(12)).contains("landslide_warning", "landslide_special_warning");
        } finally {
            jdbc.update("delete from hazard_zones where name = '試験の土石流'");
            generalizations.rebuild("hazard_zones");
        }
    }

    private List<Object> kindsAt(int z) throws Exception {
        JtsLayer zones = decode(tile("hazard_zones", z, 131.86, 34.66)).getLayer("hazard_zones");
        return TileEndpointsTest.properties(zones).stream().map(p -> p.get("kind")).toList();
    }

    private void removeRoute191() {
        jdbc.update("delete from roads where route_no = '191'");
        generalizations.rebuild("roads");
    }

    private List<Map<String, Object>> roads(int z) throws Exception {
        return roads(z, MASUDA_LON, MASUDA_LAT);
    }

    private List<Map<String, Object>> roads(int z, double lon, double lat) throws Exception {
        byte[] tile = tile("roads", z, lon, lat);
        return tile.length == 0 ? List.of() : TileEndpointsTest.properties(decode(tile).getLayer("roads"));
    }

    private byte[] tile(String layer, int z, double lon, double lat) throws Exception {
        return mvc.perform(get("/tiles/" + layer + "/" + path(tileAt(lon, lat, z))))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsByteArray();
    }
}
