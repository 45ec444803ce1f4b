package org.chizu.forestry.products;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns a GeoTIFF into a Cloud-Optimized GeoTIFF (internal tiles, overviews, deflate) with GDAL's
 * {@code gdal_translate -of COG} from Debian's gdal-bin: no Java library writes COG.
 */
final class Cog {

    private Cog() {
    }

    static void convert(Path geoTiff, Path cog) throws IOException {
        Path log = Files.createTempFile("gdal_translate", ".log");
        try {
            Process gdal = new ProcessBuilder(List.of("gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE",
                    "-co", "OVERVIEWS=AUTO", geoTiff.toString(), cog.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!gdal.waitFor(10, TimeUnit.MINUTES)) {
                gdal.destroyForcibly();
                throw new IOException("gdal_translate took more than ten minutes on " + geoTiff);
            }
            if (gdal.exitValue() != 0) {
                throw new IOException("gdal_translate could not make a COG of " + geoTiff + ": "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a COG of " + geoTiff, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
