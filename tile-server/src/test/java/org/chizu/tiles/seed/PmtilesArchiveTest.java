package org.chizu.tiles.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.tiles.Tile;
import org.chizu.tiles.TileCoordinate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PMTiles writer on its own, with more tiles than a root directory holds, read by Protomaps' reader. */
class PmtilesArchiveTest {

    private static final int MAX_ZOOM = 8;
    private static final ArchiveMetadata METADATA = new ArchiveMetadata("grid", "格子 (Grid)",
            new Bounds(-180, -85, 180, 85), 0, MAX_ZOOM, List.of());

    @TempDir
    Path folder;

    @Test
    void anArchiveTooBigForOneDirectoryServesEveryTileThroughLeafDirectoriesAndStoresTheSeaOnce() throws Exception {
        Path file = folder.resolve("grid.pmtiles");
        long tiles = 0;
        long seaTiles = 0;
        // Written zoom by zoom in rows, not in tile ID order.
        try (PmtilesArchive archive = new PmtilesArchive(file, METADATA, new ObjectMapper())) {
            for (int z = 0; z <= MAX_ZOOM; z++) {
                for (int x = 0; x < 1 << z; x++) {
                    for (int y = 0; y < 1 << z; y++) {
                        archive.tile(new TileCoordinate(z, x, y), content(z, x, y));
                        tiles++;
                        seaTiles += isSea(z, x, y) ? 1 : 0;
                    }
                }
            }
            archive.finish();
        }

        List<TileCoordinate> asked = List.of(new TileCoordinate(0, 0, 0), new TileCoordinate(5, 27, 12),
                new TileCoordinate(MAX_ZOOM, 3, 100), new TileCoordinate(MAX_ZOOM, 226, 101), new TileCoordinate(MAX_ZOOM, 255, 255));
        ProtomapsReader reader = ProtomapsReader.read(file, asked.toArray(TileCoordinate[]::new));

        assertThat(reader.header().get("leafDirectoryLength").asLong()).as("leaf directories").isPositive();
        assertThat(reader.header().get("clustered").asBoolean()).isTrue();
        assertThat(reader.header().get("numAddressedTiles").asLong()).isEqualTo(tiles);
        // The sea quadrant is one run of one stored tile.
        assertThat(reader.header().get("numTileContents").asLong()).isEqualTo(tiles - seaTiles + 1);
        assertThat(reader.header().get("numTileEntries").asLong()).isEqualTo(tiles - seaTiles + 1);
        assertThat(reader.metadata().get("name").asText()).isEqualTo("grid");
        for (TileCoordinate tile : asked) {
            assertThat(reader.tile(tile)).as(tile.toString()).isEqualTo(content(tile.z(), tile.x(), tile.y()).mvt());
        }
        try (var left = Files.list(folder)) {
            assertThat(left).as("no spool file left beside the archive").containsExactly(file);
        }
    }

    /** The north-west quadrant of the highest zoom: one stretch of the Hilbert curve. */
    private static boolean isSea(int z, int x, int y) {
        return z == MAX_ZOOM && x < 1 << (MAX_ZOOM - 1) && y < 1 << (MAX_ZOOM - 1);
    }

    /** Land tiles differ in length at random, so their directory entries do not compress away. */
    private static Tile content(int z, int x, int y) {
        if (isSea(z, x, y)) {
            return Tile.of("sea".getBytes(StandardCharsets.UTF_8));
        }
        int padding = new SplittableRandom(((long) z << 40) + ((long) x << 20) + y).nextInt(300);
        return Tile.of(("tile " + z + "/" + x + "/" + y + " " + "#".repeat(padding)).getBytes(StandardCharsets.UTF_8));
    }
}
