package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.tiles.seed.ProtomapsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class TileSeedCommandTest extends TileServerTest {

    @Autowired
    List<ChizuCommand> commands;

    @TempDir
    Path folder;

    @Test
    void seedingABoxWritesAnMbtilesArchiveOfEveryTileWithFeatures() throws Exception {
        Path archive = folder.resolve("hazard.mbtiles");

        String out = seedFloodZoneBox("hazard_zones", archive);

        Bounds box = new Bounds(131.84, 34.672, 131.845, 34.677);
        long expected = 0;
        for (int z = 12; z <= 16; z++) {
            expected += TileRange.covering(box, z, 0).count();
        }
        assertThat(expected).isGreaterThan(5);
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + archive);
             ResultSet tiles = sqlite.createStatement().executeQuery("select count(*), min(zoom_level), max(zoom_level) from tiles");
             ResultSet format = sqlite.createStatement().executeQuery("select value from metadata where name = 'format'")) {
            assertThat(tiles.getLong(1)).isEqualTo(expected);
            assertThat(tiles.getInt(2)).isEqualTo(12);
            assertThat(tiles.getInt(3)).isEqualTo(16);
            assertThat(format.getString(1)).isEqualTo("pbf");
        }
        assertThat(out).contains("wrote " + expected + " tiles of hazard_zones");
        assertThat(Files.exists(folder.resolve("hazard.mbtiles.part"))).isFalse();

        String ogrinfo = GdalReadsTheTileServerTest.ogrinfo("-ro", "-al", "-so", "-oo", "ZOOM_LEVEL=16", archive.toString());
        // GDAL reads a zoom level tile by tile: one piece of the flood zone per tile.
        assertThat(ogrinfo).contains("using driver `MBTiles' successful", "Layer name: hazard_zones",
                "Feature Count: " + TileRange.covering(box, 16, 0).count(), "kind: String");
    }

    @Test
    void seedingToAPmtilesFileWritesAnArchiveProtomapsReaderServesTheLiveTilesFrom() throws Exception {
        Path archive = folder.resolve("town.pmtiles");

        String out = seedFloodZoneBox("roads,hazard_zones", archive);

        assertThat(out).contains(" tiles of hazard_zones,roads, zoom 12-16, to " + archive);
        assertThat(Files.exists(folder.resolve("town.pmtiles.part"))).isFalse();
        TileCoordinate shelter = tileAt(MASUDA_LON, MASUDA_LAT, 16);
        TileCoordinate outside = tileAt(131.9, 34.7, 16);
        ProtomapsReader reader = ProtomapsReader.read(archive, shelter, outside);

        assertThat(reader.header().get("minZoom").asInt()).isEqualTo(12);
        assertThat(reader.header().get("maxZoom").asInt()).isEqualTo(16);
        assertThat(reader.header().get("minLon").asDouble()).isEqualTo(131.84);
        assertThat(reader.header().get("maxLat").asDouble()).isEqualTo(34.677);
        assertThat(reader.header().get("tileType").asInt()).as("MVT").isEqualTo(1);
        assertThat(reader.metadata().get("name").asText()).isEqualTo("hazard_zones,roads");
        assertThat(reader.metadata().get("vector_layers").findValuesAsText("id")).containsExactlyInAnyOrder("roads", "hazard_zones");

        JtsMvt fromArchive = decode(reader.tile(shelter));
        JtsMvt live = decode(mvc.perform(get("/tiles/roads,hazard_zones/" + path(shelter))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(fromArchive.getLayersByName()).containsOnlyKeys("roads", "hazard_zones");
        for (String layer : List.of("roads", "hazard_zones")) {
            assertThat(TileEndpointsTest.properties(fromArchive.getLayer(layer))).as(layer)
                    .isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(TileEndpointsTest.properties(live.getLayer(layer)));
        }
        assertThat(reader.tile(outside)).as("a tile outside the seeded box").isNull();
    }

    @Test
    void anOutputFileOfAnotherKindIsRefusedWithTheFormatsThatAreWritten() {
        assertThatThrownBy(() -> seed().run(List.of("--layer", "roads", "--bbox", "131.8,34.6,131.9,34.7", "--zoom", "12",
                "--out", folder.resolve("roads.zip").toString()), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end in .mbtiles or .pmtiles");
        assertThat(folder.resolve("roads.zip")).doesNotExist();
    }

    @Test
    void aBoxThatIsNotABoxIsRefusedWithTheReason() {
        assertThatThrownBy(() -> seed().run(List.of("--layer", "roads", "--bbox", "131.9,34.6,131.8,34.7", "--zoom", "12",
                "--out", folder.resolve("x.mbtiles").toString()), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a box west,south,east,north");
        assertThatThrownBy(() -> seed().run(List.of("--layer", "roads", "--bbox", "131.8,34.6,131.9,34.7", "--zoom", "14-30",
                "--out", folder.resolve("x.mbtiles").toString()), System.out))
                .hasMessageContaining("must lie within 0-24");
    }

    /** Seeds zooms 12-16 of a box the flood zone covers, so every tile in it has a feature; returns the command's output. */
    private String seedFloodZoneBox(String layers, Path archive) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = seed().run(List.of("--layer", layers, "--bbox", "131.8400,34.6720,131.8450,34.6770", "--zoom", "12-16",
                "--out", archive.toString()), new PrintStream(out, true));
        assertThat(exit).as("exit code, output: " + out).isZero();
        return out.toString();
    }

    private ChizuCommand seed() {
        return commands.stream().filter(c -> c.words().equals(List.of("tiles", "seed"))).findFirst().orElseThrow();
    }
}
