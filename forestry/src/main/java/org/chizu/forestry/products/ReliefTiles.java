package org.chizu.forestry.products;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cuts the CS relief into web-map tiles (XYZ numbering, Web Mercator PNG with transparency outside the
 * survey) with GDAL's {@code gdal2tiles.py}, which reprojects from the plane rectangular zone itself.
 * The deepest zoom is the one whose pixels are as fine as the raster's cells. Its workers cut tiles on both
 * cores (the tiles are the same as one worker's, byte for byte): the tiles are most of a product run's time.
 */
final class ReliefTiles {

    static final int MIN_ZOOM = 12;

    private ReliefTiles() {
    }

    /** The zoom at which a Web Mercator pixel at Japan's latitudes (≈35°) is no larger than a cell. */
    static int maxZoom(double cellMetres) {
        double metresPerPixelAtZoomZero = 156_543.03 * Math.cos(Math.toRadians(35));
        return Math.max(MIN_ZOOM, Math.min(19, (int) Math.ceil(Math.log(metresPerPixelAtZoomZero / cellMetres) / Math.log(2))));
    }

    static void cut(Path relief, double cellMetres, Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        Path staging = Files.createTempDirectory(directory.getParent(), "tiles");
        try {
            Gdal.run("cut " + relief + " into tiles", Duration.ofMinutes(30), List.of("gdal2tiles.py", "--xyz", "--quiet",
                    "--processes=" + Gdal.PARALLEL, "-w", "none", "-r", "bilinear", "-z", MIN_ZOOM + "-" + maxZoom(cellMetres),
                    relief.toString(), staging.toString()));
            deleteTree(directory);
            Files.move(staging, directory);
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
