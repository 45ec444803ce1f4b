package org.chizu.gis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of one Shapefile — the .shp and its siblings of the same name (.dbf, .prj, .cpg …),
 * extensions in any case — either beside a .shp file or inside a zip, in any folder of it. A zip
 * may hold several Shapefiles; then the request's table names the one to read (its name without
 * .shp, or its path in the zip).
 */
abstract sealed class ShapefileParts implements AutoCloseable {

    /** What macOS's Finder adds to a zip: resource forks, not Shapefiles. */
    private static final String MAC_RESOURCES = "__MACOSX/";

    /**
     * The Shapefile the file is or holds.
     *
     * @param shown how to name the file to its sender (the name it was sent with)
     * @throws UnreadableShapefileException when there is none, or several and the table chooses none of them
     */
    static ShapefileParts of(Path file, String shown, String table) throws IOException {
        return shown.toLowerCase(Locale.ROOT).endsWith(".zip") ? InZip.open(file, shown, table) : Beside.of(file, shown, table);
    }

    /** The Shapefile's name: its path without the extension. */
    abstract String name();

    /** A sibling's bytes, opened; empty when the Shapefile has none with that extension. */
    abstract Optional<InputStream> open(String extension) throws IOException;

    /** A sibling that must be there, opened. */
    InputStream require(String extension, String what) throws IOException {
        return open(extension).orElseThrow(() -> new UnreadableShapefileException("the Shapefile " + name() + " has no ." + extension
                + " file (" + what + ") beside its .shp" + (this instanceof Beside
                ? ": send the Shapefile as a .zip that holds its .shp, .shx, .dbf, .prj and .cpg files" : "")));
    }

    @Override
    public abstract void close() throws IOException;

    /** A small sibling's text (.prj, .cpg), without surrounding blanks; empty when absent. */
    Optional<String> text(String extension) throws IOException {
        Optional<InputStream> in = open(extension);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream text = in.get()) {
            return Optional.of(new String(text.readNBytes(1 << 16), StandardCharsets.UTF_8).replace("\uFEFF", "").strip());
        }
    }

    /**
     * The one Shapefile among these, by their paths without extension: the one the table names, or
     * the only one.
     */
    private static String choose(List<String> shapefiles, String shown, String table) throws UnreadableShapefileException {
        if (shapefiles.isEmpty()) {
            throw new UnreadableShapefileException(shown + " holds no Shapefile (no .shp file)");
        }
        if (table == null && shapefiles.size() == 1) {
            return shapefiles.get(0);
        }
        String wanted = table == null ? null : table.strip().replaceAll("(?i)\\.shp$", "");
        List<String> chosen = shapefiles.stream()
                .filter(path -> path.equalsIgnoreCase(wanted) || baseName(path).equalsIgnoreCase(wanted)).toList();
        if (chosen.size() == 1) {
            return chosen.get(0);
        }
        String names = shapefiles.stream().map(path -> path + ".shp").collect(Collectors.joining(", "));
        throw new UnreadableShapefileException((table == null ? shown + " holds " + shapefiles.size() + " Shapefiles (" + names
                + "): choose one with --table (table= over HTTP), for example --table " + baseName(shapefiles.get(0))
                : shown + " holds no single Shapefile named '" + table + "'; it holds " + names));
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String withoutExtension(String path) {
        return Split.of(path).map(Split::path).orElse(path);
    }

    /** A path without its extension, and its extension in lower case. */
    private record Split(String path, String extension) {

        static Optional<Split> of(String path) {
            int dot = path.lastIndexOf('.');
            return dot <= path.lastIndexOf('/') ? Optional.empty()
                    : Optional.of(new Split(path.substring(0, dot), path.substring(dot + 1).toLowerCase(Locale.ROOT)));
        }
    }

    /** A .shp file given by its path, its siblings in the same folder. */
    private static final class Beside extends ShapefileParts {

        private final String name;
        private final Map<String, Path> siblings;

        private Beside(String name, Map<String, Path> siblings) {
            this.name = name;
            this.siblings = siblings;
        }

        static Beside of(Path shp, String shown, String table) throws IOException {
            String shpName = withoutExtension(shp.getFileName().toString());
            String name = choose(List.of(withoutExtension(shown)), shown, table);
            Path folder = shp.toAbsolutePath().getParent();
            try (Stream<Path> files = Files.list(folder)) {
                Map<String, Path> siblings = files
                        .flatMap(file -> Split.of(file.getFileName().toString()).stream()
                                .filter(split -> split.path().equalsIgnoreCase(shpName))
                                .map(split -> Map.entry(split.extension(), file)))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
                return new Beside(name, siblings);
            }
        }

        @Override
        String name() {
            return name;
        }

        @Override
        Optional<InputStream> open(String extension) throws IOException {
            Path sibling = siblings.get(extension);
            return sibling == null ? Optional.empty() : Optional.of(Files.newInputStream(sibling));
        }

        @Override
        public void close() {
        }
    }

    /** A Shapefile inside a zip, read from it without unpacking. */
    private static final class InZip extends ShapefileParts {

        private final ZipFile zip;
        private final String name;
        private final Map<String, ZipEntry> siblings;

        private InZip(ZipFile zip, String name, Map<String, ZipEntry> siblings) {
            this.zip = zip;
            this.name = name;
            this.siblings = siblings;
        }

        static InZip open(Path file, String shown, String table) throws IOException {
            ZipFile zip = openZip(file, shown);
            try {
                Map<String, Map<String, ZipEntry>> byShapefile = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.isDirectory() || entry.getName().startsWith(MAC_RESOURCES) || baseName(entry.getName()).startsWith("._")) {
                        continue;
                    }
                    Split.of(entry.getName()).ifPresent(split -> byShapefile
                            .computeIfAbsent(split.path(), path -> new TreeMap<>())
                            .putIfAbsent(split.extension(), entry));
                }
                List<String> shapefiles = byShapefile.entrySet().stream().filter(parts -> parts.getValue().containsKey("shp"))
                        .map(parts -> withoutExtension(parts.getValue().get("shp").getName())).toList();
                String chosen = choose(shapefiles, shown, table);
                return new InZip(zip, chosen, byShapefile.get(chosen));
            } catch (IOException | RuntimeException e) {
                zip.close();
                throw e;
            }
        }

        /**
         * Zips made on Japanese Windows name their entries in Shift_JIS without saying so; names
         * flagged as UTF-8 are read as UTF-8 whatever the charset.
         */
        private static ZipFile openZip(Path file, String shown) throws IOException {
            ZipException refusal = null;
            for (Charset names : List.of(StandardCharsets.UTF_8, TextEncoding.SHIFT_JIS)) {
                try {
                    ZipFile zip = new ZipFile(file.toFile(), names);
                    try {
                        zip.stream().forEach(ZipEntry::getName);
                        return zip;
                    } catch (IllegalArgumentException undecodableName) {
                        zip.close();
                    }
                } catch (ZipException e) {
                    refusal = refusal == null ? e : refusal;
                }
            }
            throw new UnreadableShapefileException(shown + " is not a readable zip file"
                    + (refusal == null ? ": it names its files in neither UTF-8 nor Shift_JIS" : ": " + refusal.getMessage()));
        }

        @Override
        String name() {
            return name;
        }

        @Override
        Optional<InputStream> open(String extension) throws IOException {
            ZipEntry entry = siblings.get(extension);
            return entry == null ? Optional.empty() : Optional.of(zip.getInputStream(entry));
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
