package org.chizu.gis.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Shapefiles for tests, written by GDAL's {@code ogr2ogr} as QGIS writes them (QGIS writes through
 * GDAL): a .shp with its .shx, .dbf, .prj (ESRI's WKT) and .cpg. The launcher installs GDAL for the
 * tests. Nothing binary is kept in the repository; every file is made from text in the test.
 */
public final class Shapefiles {

    private Shapefiles() {
    }

    /**
     * Writes a GeoJSON FeatureCollection, whose coordinates are in EPSG:{@code srid}, as
     * {@code folder/name.shp} and its siblings.
     *
     * @param encoding the .dbf's encoding as GDAL names it ("UTF-8", "CP932"), which the .cpg then gives
     * @return the .shp file
     */
    public static Path write(Path folder, String name, int srid, String encoding, String featureCollection)
            throws IOException, InterruptedException {
        Path source = Files.writeString(folder.resolve(name + "-source.geojson"), featureCollection);
        Path shp = folder.resolve(name + ".shp");
        gdal("ogr2ogr", "-f", "ESRI Shapefile", "-a_srs", "EPSG:" + srid, "-lco", "ENCODING=" + encoding,
                shp.toString(), source.toString());
        Files.delete(source);
        return shp;
    }

    /** The files of the Shapefile whose .shp this is: the .shp and every sibling of its name. */
    public static List<Path> parts(Path shp) throws IOException {
        String name = shp.getFileName().toString().replaceAll("\\.shp$", "");
        try (Stream<Path> files = Files.list(shp.getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith(name + ".")).sorted().toList();
        }
    }

    /**
     * Zips files as the named entries ("data/roads.shp" → file), in that order.
     *
     * @param names how the entries' names are encoded: UTF-8 (flagged as such, as most tools do), or
     *              Shift_JIS unflagged, as zips made on Japanese Windows are
     */
    public static Path zip(Path zip, Map<String, Path> entries, Charset names) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file, names)) {
            for (Map.Entry<String, Path> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                Files.copy(entry.getValue(), out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Runs a GDAL command and answers what it printed; fails the test when the command fails. */
    public static String gdal(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("gdal-", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(errors) + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
