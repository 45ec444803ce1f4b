package org.chizu.forestry.products;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of GDAL's programs (Debian's gdal-bin), failing with what it printed when it fails. */
public final class Gdal {

    /**
     * How many worker processes a GDAL program that has them ({@code gdal2tiles.py --processes}) may use:
     * the two cores of the town's server (two workers cut the relief's tiles about a quarter faster).
     */
    static final int PARALLEL = 2;

    private Gdal() {
    }

    /**
     * @param what    what the program was asked, for the error ("make a COG of …")
     * @param command the program and its arguments
     */
    public static void run(String what, Duration timeout, List<String> command) throws IOException {
        Path log = Files.createTempFile("gdal", ".log");
        try {
            Process gdal = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!gdal.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    gdal.destroyForcibly();
                    throw new IOException(command.get(0) + " took more than " + timeout + " to " + what);
                }
            } catch (InterruptedException e) {
                gdal.destroyForcibly(); // a cancelled job leaves no GDAL running
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + command.get(0) + " was asked to " + what, e);
            }
            if (gdal.exitValue() != 0) {
                throw new IOException(command.get(0) + " could not " + what + ": " + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
