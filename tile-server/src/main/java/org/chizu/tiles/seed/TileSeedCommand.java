package org.chizu.tiles.seed;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.chizu.platform.Audience;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.gis.layer.TileSettings;
import org.chizu.tiles.Tile;
import org.chizu.tiles.TileCoordinate;
import org.chizu.tiles.TileRange;
import org.chizu.tiles.TileService;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.Tilesets;
import org.chizu.tiles.VectorLayer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ./chizu tiles seed --layer roads --bbox 131.8,34.6,131.9,34.7 --zoom 10-14 --out roads.mbtiles}:
 * renders every tile of a box and zoom range into a PMTiles or MBTiles archive (by the file's
 * extension), for offline use or a CDN. Empty tiles are left out, as both formats' readers expect.
 * The archive appears only when complete.
 * The operator runs it on the server, so staff-only layers may be seeded too.
 */
@Component
class TileSeedCommand implements ChizuCommand {

    private final Tilesets tilesets;
    private final TileService tiles;
    private final ObjectMapper json;

    /** The tile server is made ready only when the command runs: every command is created to be found by its words. */
    TileSeedCommand(@Lazy Tilesets tilesets, @Lazy TileService tiles, ObjectMapper json) {
        this.tilesets = tilesets;
        this.tiles = tiles;
        this.json = json;
    }

    @Override
    public List<String> words() {
        return List.of("tiles", "seed");
    }

    @Override
    public String usage() {
        return "tiles seed --layer ID[,ID…] --bbox minLon,minLat,maxLon,maxLat --zoom FROM-TO --out FILE.pmtiles|FILE.mbtiles";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        CommandArguments args = new CommandArguments(arguments, Set.of("layer", "bbox", "zoom", "out"), Set.of());
        Tileset tileset = tilesets.require(args.required("layer"), Audience.STAFF);
        Bounds bbox = parseBbox(args.required("bbox"));
        int[] zooms = parseZooms(args.required("zoom"));
        Path file = Path.of(args.required("out"));
        ArchiveFormat format = ArchiveFormat.of(file);
        List<TileRange> ranges = new ArrayList<>();
        for (int z = zooms[0]; z <= zooms[1]; z++) {
            ranges.add(TileRange.covering(bbox, z, 0));
        }
        long total = ranges.stream().mapToLong(TileRange::count).sum();

        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(part);
        long written = 0;
        try (TileArchive archive = format.create(part, metadata(tileset, bbox, zooms), json)) {
            ProgressBar progress = ProgressBar.onStandardError(total, "tiles");
            for (TileRange range : ranges) {
                for (TileCoordinate coordinate : range) {
                    Tile tile = tiles.tile(tileset, coordinate);
                    if (!tile.isEmpty()) {
                        archive.tile(coordinate, tile);
                        written++;
                    }
                    progress.step();
                }
            }
            progress.finish();
            archive.finish();
        } catch (Exception e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        out.printf("wrote %d tiles of %s, zoom %d-%d, to %s (%d empty tiles left out)%n",
                written, tileset.name(), zooms[0], zooms[1], file, total - written);
        return 0;
    }

    private static ArchiveMetadata metadata(Tileset tileset, Bounds bbox, int[] zooms) {
        String description = String.join(" / ", tileset.layers().stream().map(l -> l.title().bilingual()).toList());
        return new ArchiveMetadata(tileset.name(), description, bbox, zooms[0], zooms[1], VectorLayer.of(tileset));
    }

    private static Bounds parseBbox(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("--bbox needs minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--bbox needs four numbers, not " + text);
        }
        if (v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw new IllegalArgumentException("--bbox " + text + " is not a box west,south,east,north in degrees");
        }
        return new Bounds(v[0], v[1], v[2], v[3]);
    }

    private static int[] parseZooms(String text) {
        String[] parts = text.split("-", 2);
        try {
            int from = Integer.parseInt(parts[0].strip());
            int to = parts.length == 1 ? from : Integer.parseInt(parts[1].strip());
            if (from < 0 || to > TileSettings.MAX_ZOOM || from > to) {
                throw new IllegalArgumentException("--zoom " + text + " must lie within 0-" + TileSettings.MAX_ZOOM);
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--zoom needs FROM-TO, such as 10-14, not " + text);
        }
    }
}
