package org.chizu.forestry.products;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Turns a GeoTIFF into a Cloud-Optimized GeoTIFF (internal tiles, overviews, deflate) with GDAL's
 * {@code gdal_translate -of COG} from Debian's gdal-bin: no Java library writes COG.
 */
final class Cog {

    private Cog() {
    }

    static void convert(Path geoTiff, Path cog) throws IOException {
        Gdal.run("make a COG of " + geoTiff, Duration.ofMinutes(10), List.of("gdal_translate", "-q", "-of", "COG",
                "-co", "COMPRESS=DEFLATE", "-co", "OVERVIEWS=AUTO", geoTiff.toString(), cog.toString()));
    }
}
