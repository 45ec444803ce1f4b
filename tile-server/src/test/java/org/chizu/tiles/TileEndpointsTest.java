package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MvcResult;

class TileEndpointsTest extends TileServerTest {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aRoadTileCarriesTheRoadsThereWithTheirDeclaredAttributes() throws Exception {
        JtsMvt tile = decode(tileBytes("/tiles/roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 14))));

        assertThat(tile.getLayersByName()).containsOnlyKeys("roads");
        List<Map<String, Object>> roads = properties(tile.getLayer("roads"));
        assertThat(roads).extracting(r -> r.get("name")).containsExactlyInAnyOrder("国道9号", "本町線");
        Map<String, Object> national = roads.stream().filter(r -> r.get("name").equals("国道9号")).findFirst().orElseThrow();
        assertThat(national).containsEntry("road_class", "national").containsEntry("route_no", "9")
                .containsEntry("administrator", "国土交通省").containsEntry("surface", "asphalt");
        assertThat(((Number) national.get("width_m")).doubleValue()).isEqualTo(12.5);
    }

    @Test
    void belowZoom12OnlyNationalAndPrefecturalRoadsAreDrawnWithFewerAttributes() throws Exception {
        JtsMvt tile = decode(tileBytes("/tiles/roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 11))));

        List<Map<String, Object>> roads = properties(tile.getLayer("roads"));
        assertThat(roads).extracting(r -> r.get("name")).containsExactly("国道9号");
        assertThat(roads.get(0)).containsOnlyKeys("route_no", "name", "road_class");
    }

    @Test
    void roadsBelowTheirMinimumZoomAreAnEmptyTile() throws Exception {
        mvc.perform(get("/tiles/roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 7)))).andExpect(status().isNoContent());
    }

    @Test
    void aCompositeTileCarriesEachLayerOnce() throws Exception {
        String tile = path(tileAt(MASUDA_LON, MASUDA_LAT, 14));
        JtsMvt composite = decode(tileBytes("/tiles/facilities,roads,hazard_zones,roads/" + tile));

        assertThat(composite.getLayersByName()).containsOnlyKeys("hazard_zones", "roads", "facilities");
        assertThat(properties(composite.getLayer("facilities"))).extracting(f -> f.get("name"))
                .contains("益田小学校", "本町公民館");
        assertThat(properties(composite.getLayer("hazard_zones")).get(0))
                .containsEntry("kind", "flood").containsEntry("designated_on", "2020-04-01");
    }

    @Test
    void theStaffOnlyWaterPipesAreNotFoundForThePublic() throws Exception {
        String tile = path(tileAt(MASUDA_LON, MASUDA_LAT, 14));
        mvc.perform(get("/tiles/water_pipes/" + tile))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("There is no layer 'water_pipes'."));
        mvc.perform(get("/tiles/roads,water_pipes/" + tile)).andExpect(status().isNotFound());
        mvc.perform(get("/tiles/water_pipes.json")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void staffSeeTheWaterPipesInTilesNoSharedCacheMayKeep() throws Exception {
        MvcResult result = mvc.perform(get("/tiles/water_pipes/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 14))))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-cache, private"))
                .andReturn();
        assertThat(properties(decode(result.getResponse().getContentAsByteArray()).getLayer("water_pipes")))
                .extracting(p -> p.get("material")).containsExactly("DIP");
    }

    @Test
    void aClientHoldingTheTileGets304() throws Exception {
        String url = "/tiles/roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 14));
        MvcResult first = mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-cache, public")).andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        mvc.perform(get(url).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().bytes(new byte[0]));
        mvc.perform(get(url).header("If-None-Match", "\"something-else\"")).andExpect(status().isOk());
    }

    @Test
    void tilesAreGzippedForClientsThatAcceptIt() throws Exception {
        String url = "/tiles/roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 14));
        byte[] plain = tileBytes(url);
        MvcResult gzipped = mvc.perform(get(url).header("Accept-Encoding", "gzip, deflate, br"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Encoding", "gzip"))
                .andExpect(header().string("Vary", "Accept-Encoding"))
                .andReturn();

        byte[] body = gzipped.getResponse().getContentAsByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThat(gzipped.getResponse().getHeader("ETag")).endsWith("-gzip\"");
        mvc.perform(get(url).header("Accept-Encoding", "gzip;q=0")).andExpect(header().doesNotExist("Content-Encoding"));
    }

    @Test
    void tilesOutsideTheGridOrInAnotherFormatAreBadRequests() throws Exception {
        for (String url : List.of("/tiles/roads/3/8/0.mvt", "/tiles/roads/3/0/-1.mvt", "/tiles/roads/25/0/0.mvt",
                "/tiles/roads/z/0/0.mvt", "/tiles/roads/14/14192/6507.png", "/tiles/roads/14/14192/6507")) {
            mvc.perform(get(url))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:chizu:problem:bad-tile-request"));
        }
    }

    @Test
    void anUnknownLayerIsNotFound() throws Exception {
        mvc.perform(get("/tiles/rivers/14/14192/6507.mvt"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anEditShowsOnTheNextRequestWhileTilesElsewhereStayCached() throws Exception {
        double hikimiLon = 131.95;
        double hikimiLat = 34.55;
        String masuda = path(tileAt(MASUDA_LON, MASUDA_LAT, 15));
        String hikimi = path(tileAt(hikimiLon, hikimiLat, 15));
        assertThat(facilityNames("/tiles/facilities/" + masuda)).doesNotContain("新設避難所");
        assertThat(facilityNames("/tiles/facilities,roads/" + masuda)).doesNotContain("新設避難所");
        mvc.perform(get("/tiles/facilities/" + hikimi)).andExpect(status().isNoContent());

        // Both places get a shelter, but the edit event names only Masuda's.
        insertShelter(MASUDA_LON + 0.0003, MASUDA_LAT + 0.0001);
        insertShelter(hikimiLon, hikimiLat);
        events.publishEvent(new LayerDataChanged("facilities",
                new Bounds(MASUDA_LON + 0.0003, MASUDA_LAT + 0.0001, MASUDA_LON + 0.0003, MASUDA_LAT + 0.0001)));

        assertThat(facilityNames("/tiles/facilities/" + masuda)).contains("新設避難所");
        assertThat(facilityNames("/tiles/facilities,roads/" + masuda)).contains("新設避難所");
        assertThat(facilityNames("/tiles/facilities/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 12)))).contains("新設避難所");
        mvc.perform(get("/tiles/facilities/" + hikimi)).andExpect(status().isNoContent());

        events.publishEvent(LayerDataChanged.wholeLayer("facilities"));
        assertThat(facilityNames("/tiles/facilities/" + hikimi)).containsExactly("新設避難所");
    }

    @Test
    void theTileJsonDescribesTheTilesetForMapLibre() throws Exception {
        mvc.perform(get("/tiles/roads.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tilejson").value("3.0.0"))
                .andExpect(jsonPath("$.tiles[0]").value("http://localhost/tiles/roads/{z}/{x}/{y}.mvt"))
                .andExpect(jsonPath("$.minzoom").value(8))
                .andExpect(jsonPath("$.maxzoom").value(18))
                .andExpect(jsonPath("$.bounds[0]").value(131.835))
                .andExpect(jsonPath("$.bounds[3]").value(34.678))
                .andExpect(jsonPath("$.vector_layers[0].id").value("roads"))
                .andExpect(jsonPath("$.vector_layers[0].description").value("道路 (Roads)"))
                .andExpect(jsonPath("$.vector_layers[0].fields.width_m").value("Number"))
                .andExpect(jsonPath("$.vector_layers[0].fields.road_class").value("String"));
        mvc.perform(get("/tiles/roads,facilities.json"))
                .andExpect(jsonPath("$.tiles[0]").value("http://localhost/tiles/roads,facilities/{z}/{x}/{y}.mvt"))
                .andExpect(jsonPath("$.minzoom").value(6))
                .andExpect(jsonPath("$.vector_layers.length()").value(2))
                .andExpect(jsonPath("$.vector_layers[1].fields.for_flood").value("Boolean"));
    }

    private void insertShelter(double lon, double lat) {
        jdbc.update("""
                insert into facilities (kind, name, capacity, geom)
                values ('designated_shelter', '新設避難所', 120, st_setsrid(st_makepoint(?, ?), 6668))""", lon, lat);
    }

    private List<Object> facilityNames(String url) throws Exception {
        return properties(decode(tileBytes(url)).getLayer("facilities")).stream().map(p -> p.get("name")).toList();
    }

    private byte[] tileBytes(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.mapbox-vector-tile"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> properties(JtsLayer layer) {
        assertThat(layer).as("layer in the tile").isNotNull();
        return layer.getGeometries().stream().map(g -> (Map<String, Object>) g.getUserData()).toList();
    }
}
