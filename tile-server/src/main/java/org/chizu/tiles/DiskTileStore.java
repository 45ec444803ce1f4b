package org.chizu.tiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.chizu.gis.layer.TileSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendered tiles on disk, gzip-encoded, as {@code <tileset>/<z>/<x>/<y>.mvt.gz} under one folder,
 * so they survive a restart. Files are written whole (a temporary file moved into place), so a
 * reader never sees half a tile. A failing disk only costs speed: errors are logged, not thrown.
 */
final class DiskTileStore {

    private static final Logger log = LoggerFactory.getLogger(DiskTileStore.class);
    private static final String SUFFIX = ".mvt.gz";

    private final Path root;

    DiskTileStore(Path root) {
        this.root = root;
    }

    /** The stored tile, or null when there is none. */
    Tile read(TileKey key) {
        try {
            return Tile.ofGzipped(Files.readAllBytes(fileOf(key)));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot read cached tile {}: {}", fileOf(key), e.getMessage());
            return null;
        }
    }

    void write(TileKey key, Tile tile) {
        Path file = fileOf(key);
        try {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), "tile", ".part");
            Files.write(part, tile.gzipped());
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("cannot cache tile {}: {}", file, e.getMessage());
        }
    }

    void delete(TileKey key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            log.warn("cannot delete cached tile {}: {}", fileOf(key), e.getMessage());
        }
    }

    /** Deletes the touched tiles, walking only the folders of the touched tilesets, zooms and columns. */
    void delete(TouchedTiles touched) {
        for (Path tileset : children(root)) {
            if (!touched.includesTileset(tileset.getFileName().toString())) {
                continue;
            }
            if (touched.wholeLayer()) {
                deleteTree(tileset);
                continue;
            }
            for (Path zoom : children(tileset)) {
                Integer z = number(zoom.getFileName().toString());
                if (z == null || z < 0 || z > TileSettings.MAX_ZOOM) {
                    continue;
                }
                if (touched.everyTileAt(z)) {
                    deleteTree(zoom);
                    continue;
                }
                TileRange range = touched.at(z);
                if (range == null) {
                    continue;
                }
                for (Path column : children(zoom)) {
                    Integer x = number(column.getFileName().toString());
                    if (x == null || x < range.minX() || x > range.maxX()) {
                        continue;
                    }
                    for (int y = range.minY(); y <= range.maxY(); y++) {
                        delete(column.resolve(y + SUFFIX));
                    }
                }
            }
        }
    }

    private Path fileOf(TileKey key) {
        return root.resolve(key.tileset()).resolve(Integer.toString(key.z())).resolve(Integer.toString(key.x()))
                .resolve(key.y() + SUFFIX);
    }

    private static Iterable<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            List<Path> list = new ArrayList<>();
            entries.forEach(list::add);
            return list;
        } catch (IOException e) {
            log.warn("cannot list tile cache folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    private static Integer number(String name) {
        try {
            return Integer.valueOf(name);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete cached tile {}: {}", file, e.getMessage());
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(DiskTileStore::delete);
        } catch (IOException e) {
            log.warn("cannot delete cached tiles in {}: {}", folder, e.getMessage());
        }
    }
}
