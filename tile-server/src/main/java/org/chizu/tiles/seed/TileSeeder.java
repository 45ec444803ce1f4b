package org.chizu.tiles.seed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.tiles.Tile;
import org.chizu.tiles.TileCoordinate;
import org.chizu.tiles.TileRange;
import org.chizu.tiles.TileService;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.VectorLayer;
import org.springframework.stereotype.Component;

/**
 * Renders every tile of an area into one archive file, for the {@code tiles seed} command and the
 * {@code tiles.seed} job alike. Empty tiles are left out, as both formats' readers expect; the
 * archive is written next to {@code file} and moved there only when complete.
 */
@Component
class TileSeeder {

    /** Told after each tile, so that a caller can show progress or stop the seeding by throwing. */
    @FunctionalInterface
    interface Progress {
        void tileDone(long done, long total);
    }

    /** How many tiles had content and were written, of how many in the area. */
    record Seeded(long written, long total) {
    }

    private final TileService tiles;
    private final ObjectMapper json;

    TileSeeder(TileService tiles, ObjectMapper json) {
        this.tiles = tiles;
        this.json = json;
    }

    Seeded seed(Tileset tileset, SeedArea area, ArchiveFormat format, Path file, Progress progress) throws Exception {
        long total = area.tileCount();
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(part);
        long written = 0;
        long done = 0;
        try (TileArchive archive = format.create(part, metadata(tileset, area), json)) {
            for (TileRange range : area.ranges()) {
                for (TileCoordinate coordinate : range) {
                    Tile tile = tiles.tile(tileset, coordinate);
                    if (!tile.isEmpty()) {
                        archive.tile(coordinate, tile);
                        written++;
                    }
                    progress.tileDone(++done, total);
                }
            }
            archive.finish();
        } catch (Exception e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        return new Seeded(written, total);
    }

    private static ArchiveMetadata metadata(Tileset tileset, SeedArea area) {
        String description = String.join(" / ", tileset.layers().stream().map(l -> l.title().bilingual()).toList());
        return new ArchiveMetadata(tileset.name(), description, area.bbox(), area.minZoom(), area.maxZoom(), VectorLayer.of(tileset));
    }
}
