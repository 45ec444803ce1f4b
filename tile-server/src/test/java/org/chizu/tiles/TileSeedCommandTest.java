package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import org.chizu.gis.cli.ChizuCommand;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
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
        // The flood zone covers this box, so every tile in it has a feature.
        String bbox = "131.8400,34.6720,131.8450,34.6770";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = seed().run(List.of("--layer", "hazard_zones", "--bbox", bbox, "--zoom", "12-16",
                "--out", archive.toString()), new PrintStream(out, true));

        assertThat(exit).isZero();
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
        assertThat(out.toString()).contains("wrote " + expected + " tiles of hazard_zones");
        assertThat(Files.exists(folder.resolve("hazard.mbtiles.part"))).isFalse();

        String ogrinfo = GdalReadsTheTileServerTest.ogrinfo("-ro", "-al", "-so", "-oo", "ZOOM_LEVEL=16", archive.toString());
        // GDAL reads a zoom level tile by tile: one piece of the flood zone per tile.
        assertThat(ogrinfo).contains("using driver `MBTiles' successful", "Layer name: hazard_zones",
                "Feature Count: " + TileRange.covering(box, 16, 0).count(), "kind: String");
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

    private ChizuCommand seed() {
        return commands.stream().filter(c -> c.words().equals(List.of("tiles", "seed"))).findFirst().orElseThrow();
    }
}
