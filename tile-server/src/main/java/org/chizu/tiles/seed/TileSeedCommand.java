package org.chizu.tiles.seed;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.chizu.platform.Audience;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.chizu.tiles.MissingGeneralizations;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.Tilesets;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ./chizu tiles seed --layer roads --bbox 131.8,34.6,131.9,34.7 --zoom 10-14 --out roads.mbtiles}:
 * renders every tile of a box and zoom range into a PMTiles or MBTiles archive (by the file's
 * extension), for offline use or a CDN, with a progress bar. The archive appears only when complete.
 * The operator runs it on the server, so staff-only layers may be seeded too.
 */
@Component
class TileSeedCommand implements ChizuCommand {

    private final Tilesets tilesets;
    private final TileSeeder seeder;
    private final MissingGeneralizations generalizations;

    /** The tile server is made ready only when the command runs: every command is created to be found by its words. */
    TileSeedCommand(@Lazy Tilesets tilesets, @Lazy TileSeeder seeder, @Lazy MissingGeneralizations generalizations) {
        this.tilesets = tilesets;
        this.seeder = seeder;
        this.generalizations = generalizations;
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
        SeedArea area = SeedArea.parse(args.required("bbox"), args.required("zoom"));
        Path file = Path.of(args.required("out"));
        ArchiveFormat format = ArchiveFormat.of(file);
        generalizations.buildFor(tileset);

        ProgressBar progress = ProgressBar.onStandardError(area.tileCount(), "tiles");
        TileSeeder.Seeded seeded = seeder.seed(tileset, area, format, file, (done, total) -> progress.step());
        progress.finish();
        out.printf("wrote %d tiles of %s, zoom %d-%d, to %s (%d empty tiles left out)%n", seeded.written(), tileset.name(),
                area.minZoom(), area.maxZoom(), file, seeded.total() - seeded.written());
        return 0;
    }
}
