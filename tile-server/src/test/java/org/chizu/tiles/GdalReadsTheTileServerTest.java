package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** GDAL's ogrinfo, as QGIS and command-line users meet it, reads tiles, TileJSON and the OGC API. */
class GdalReadsTheTileServerTest extends TileServerTest {

    @LocalServerPort
    int port;

    @Test
    void ogrinfoReadsATileStraightFromTheServer() throws Exception {
        TileCoordinate tile = tileAt(MASUDA_LON, MASUDA_LAT, 14);
        String output = ogrinfo("-ro", "-al", "-so", "MVT:" + server() + "/tiles/facilities/" + path(tile));

        assertThat(output).contains("Layer name: facilities", "Geometry: Point").containsPattern("Feature Count: [23]\\b");
    }

    @Test
    void ogrinfoReadsAZoomLevelDescribedByTheTileJson() throws Exception {
        String output = ogrinfo("-ro", "-al", "-so", "-oo", "METADATA_FILE=" + server() + "/tiles/roads.json",
                "MVT:" + server() + "/tiles/roads/14");

        assertThat(output).contains("Layer name: roads", "ZOOM_LEVEL=14", "Feature Count: 3",
                "road_class: String", "width_m: Real");
    }

    @Test
    void ogrinfoListsThePublicCollectionsOfTheOgcApi() throws Exception {
        String output = ogrinfo("-ro", "OGCAPI:" + server() + "/ogc");

        assertThat(output).contains("OGCAPI:" + server() + "/ogc/collections/roads", "Collection 道路 (Roads)")
                .doesNotContain("water_pipes");
    }

    @Test
    void theLandingPageLinksTheConformanceCollectionsAndTilingSchemes() throws Exception {
        mvc.perform(get("/ogc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.links[?(@.rel == 'conformance')].href").value("http://localhost/ogc/conformance"))
                .andExpect(jsonPath("$.links[?(@.rel == 'data')].href").value("http://localhost/ogc/collections"))
                .andExpect(jsonPath("$.links[?(@.rel == 'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes' && @.type == 'application/json')].href")
                        .value("http://localhost/ogc/tileMatrixSets"));
        mvc.perform(get("/ogc/conformance"))
                .andExpect(jsonPath("$.conformsTo", Matchers.hasItems(
                        "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
                        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt")));
    }

    @Test
    void eachPublicCollectionOffersAVectorTileset() throws Exception {
        mvc.perform(get("/ogc/collections"))
                .andExpect(jsonPath("$.collections[*].id", Matchers.contains("hazard_zones", "roads", "facilities", "forests")))
                .andExpect(jsonPath("$.collections[1].links[?(@.rel == 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector' && @.type == 'application/json')].href")
                        .value("http://localhost/ogc/collections/roads/tiles"));
        mvc.perform(get("/ogc/collections/roads/tiles/WebMercatorQuad"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dataType").value("vector"))
                .andExpect(jsonPath("$.tileMatrixSetURI").value("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"))
                .andExpect(jsonPath("$.links[?(@.rel == 'item')].href")
                        .value("http://localhost/ogc/collections/roads/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"))
                .andExpect(jsonPath("$.tileMatrixSetLimits[?(@.tileMatrix == '14')].minTileCol").value(14191))
                .andExpect(jsonPath("$.layers[0].propertiesSchema.properties.width_m.type").value("number"));
        mvc.perform(get("/ogc/collections/water_pipes/tiles")).andExpect(status().isNotFound());
    }

    @Test
    void anOgcTileIsTheSameTileAddressedByRowAndColumn() throws Exception {
        TileCoordinate tile = tileAt(MASUDA_LON, MASUDA_LAT, 14);
        byte[] ogc = mvc.perform(get("/ogc/collections/roads/tiles/WebMercatorQuad/" + tile.z() + "/" + tile.y() + "/" + tile.x()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] xyz = mvc.perform(get("/tiles/roads/" + path(tile)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(ogc).isEqualTo(xyz);
        mvc.perform(get("/ogc/collections/roads/tiles/WorldCRS84Quad/0/0/0"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theTileMatrixSetHasTheWebMercatorGrid() throws Exception {
        mvc.perform(get("/ogc/tileMatrixSets/WebMercatorQuad"))
                .andExpect(jsonPath("$.crs").value("http://www.opengis.net/def/crs/EPSG/0/3857"))
                .andExpect(jsonPath("$.tileMatrices.length()").value(25))
                .andExpect(jsonPath("$.tileMatrices[14].matrixWidth").value(16384))
                .andExpect(jsonPath("$.tileMatrices[14].cornerOfOrigin").value("topLeft"))
                .andExpect(jsonPath("$.tileMatrices[14].pointOfOrigin[1]").value(Matchers.closeTo(20037508.3428, 1e-4), Double.class))
                .andExpect(jsonPath("$.boundingBox.lowerLeft[0]").value(Matchers.closeTo(-20037508.3428, 1e-4), Double.class))
                .andExpect(jsonPath("$.boundingBox.upperCorner[1]").value(Matchers.closeTo(20037508.3428, 1e-4), Double.class))
                .andExpect(jsonPath("$.tileMatrices[0].scaleDenominator").value(Matchers.closeTo(559082264.0287178, 1e-3), Double.class));
    }

    private String server() {
        return "http://127.0.0.1:" + port;
    }

    static String ogrinfo(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ogrinfo"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ogrinfo finished").isTrue();
        assertThat(process.exitValue()).as("ogrinfo exit code, output:\n" + output).isZero();
        return output;
    }
}
