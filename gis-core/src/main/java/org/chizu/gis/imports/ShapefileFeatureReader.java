package org.chizu.gis.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.gis.crs.WktCrs;
import org.chizu.gis.imports.ShapeRecords.ShapeRecord;
import org.chizu.gis.imports.ShapeRecords.UnreadableShapeException;

/**
 * Reads an ESRI Shapefile: a .shp with its .dbf (and .prj, .cpg) beside it, or a zip that holds
 * them ({@link ShapefileParts}). Shapes come from the .shp ({@link ShapeRecords}), attributes from
 * the .dbf ({@link DbfTable}), record by record; records dBase marks deleted are left out.
 * <ul>
 * <li>Coordinates are in the system the .prj names ({@link WktCrs}); a .prj Chizu does not
 * recognise is reported unless the request gives the system.</li>
 * <li>Text is read in the request's encoding, else the one the .cpg names, else the one the .dbf's
 * language driver id stands for, else UTF-8 when all of it is valid UTF-8 and Shift_JIS (CP932)
 * when all of it is valid Shift_JIS.</li>
 * </ul>
 */
final class ShapefileFeatureReader implements FeatureReader {

    /** Language driver ids (dBase LDID, the .dbf header's byte 29) and the Windows code pages they stand for. */
    private static final Map<Integer, Integer> LANGUAGE_DRIVER_CODE_PAGES = Map.ofEntries(
            Map.entry(0x01, 437), Map.entry(0x02, 850), Map.entry(0x03, 1252),
            Map.entry(0x13, 932), Map.entry(0x7B, 932),
            Map.entry(0x4D, 936), Map.entry(0x7A, 936), Map.entry(0x4E, 949), Map.entry(0x4F, 950),
            Map.entry(0x58, 1252), Map.entry(0x59, 1252));

    /** What .cpg files say when they name no encoding but "the writer's system's". */
    private static final Set<String> NO_ENCODING = Set.of("", "system", "ansi", "oem");

    private static final Pattern WKT_NAME = Pattern.compile("^\\s*[A-Za-z]+\\s*\\[\\s*\"([^\"]*)\"");

    @Override
    public SourceDescription read(Path file, ImportRequest request, ImportProblems problems, Consumer<SourceFeature> features)
            throws IOException {
        ShapefileParts opened;
        try {
            opened = ShapefileParts.of(file, request.fileName(), request.table());
        } catch (UnreadableShapefileException e) {
            problems.add(InputProblem.ofFile(e.getMessage()));
            return SourceDescription.UNREAD;
        }
        Integer srid = null;
        String unrecognisedCrs = null;
        try (ShapefileParts parts = opened) {
            Optional<String> prj = parts.text("prj");
            srid = prj.flatMap(WktCrs::epsgCode).orElse(null);
            unrecognisedCrs = prj.isPresent() && srid == null ? crsName(prj.get()) : null;
            Optional<Charset> charset = encoding(parts, request, problems);
            if (charset.isPresent()) {
                readRecords(parts, charset.get(), problems, features);
            }
            return new SourceDescription(srid, charset.map(TextEncoding::displayName).orElse(null), null, null, unrecognisedCrs);
        } catch (UnreadableShapefileException e) {
            problems.add(InputProblem.ofFile(e.getMessage()));
            return new SourceDescription(srid, null, null, null, unrecognisedCrs);
        }
    }

    private static void readRecords(ShapefileParts parts, Charset charset, ImportProblems problems,
                                     Consumer<SourceFeature> features) throws IOException {
        try (ShapeRecords shapes = new ShapeRecords(parts.require("shp", "the shapes"));
             DbfTable table = new DbfTable(parts.require("dbf", "the attributes"))) {
            List<String> names = table.fieldNames(charset);
            while (true) {
                ShapeRecord shape = null;
                UnreadableShapeException unreadable = null;
                try {
                    shape = shapes.next();
                } catch (UnreadableShapeException e) {
                    unreadable = e;
                }
                DbfTable.Row row = table.next();
                if (row == null || (shape == null && unreadable == null)) {
                    if (row != null || shape != null || unreadable != null) {
                        problems.add(InputProblem.ofFile("the .dbf file has " + table.recordCount()
                                + " records, the .shp file " + (row == null ? "more" : "fewer") + ": they must be one for each shape"));
                    }
                    return;
                }
                if (row.deleted()) {
                    continue;
                }
                Map<String, Object> properties;
                try {
                    properties = table.values(row, names, charset);
                } catch (DbfTable.UndecodableTextException e) {
                    problems.add(InputProblem.atFeature(row.number(), e.field, e.getMessage()));
                    continue;
                }
                if (unreadable != null) {
                    problems.add(InputProblem.atFeature(row.number(), FeatureCheck.GEOMETRY_FIELD,
                            "is not a readable shape: " + unreadable.getMessage()));
                } else {
                    features.accept(new SourceFeature(row.number(), null, shape.geometry(), properties));
                }
            }
        }
    }

    /**
     * The encoding to read the .dbf's text in, or empty when none fits (reported).
     */
    private static Optional<Charset> encoding(ShapefileParts parts, ImportRequest request, ImportProblems problems) throws IOException {
        if (request.encoding() != null) {
            return Optional.of(request.encoding());
        }
        Optional<String> cpg = parts.text("cpg").filter(text -> !NO_ENCODING.contains(text.toLowerCase(Locale.ROOT)));
        if (cpg.isPresent()) {
            try {
                return Optional.of(TextEncoding.named(cpg.get()));
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.ofFile("the .cpg file names the encoding '" + cpg.get()
                        + "', which Chizu does not know: give the encoding with --encoding (encoding= over HTTP), for example Shift_JIS"));
                return Optional.empty();
            }
        }
        try (DbfTable table = new DbfTable(parts.require("dbf", "the attributes"))) {
            Integer codePage = LANGUAGE_DRIVER_CODE_PAGES.get(table.languageDriver());
            Optional<Charset> declared = codePage == null ? Optional.empty() : TextEncoding.codePage(codePage);
            if (declared.isPresent() || table.decodesStrictly(StandardCharsets.UTF_8)) {
                return Optional.of(declared.orElse(StandardCharsets.UTF_8));
            }
        }
        try (DbfTable table = new DbfTable(parts.require("dbf", "the attributes"))) {
            if (table.decodesStrictly(TextEncoding.SHIFT_JIS)) {
                return Optional.of(TextEncoding.SHIFT_JIS);
            }
        }
        problems.add(InputProblem.ofFile("the .dbf file's text is neither UTF-8 nor Shift_JIS, and no .cpg file says what it is: "
                + "give the encoding with --encoding (encoding= over HTTP)"));
        return Optional.empty();
    }

    /** The name a WKT gives its system, or its beginning when it is no WKT. */
    private static String crsName(String wkt) {
        Matcher name = WKT_NAME.matcher(wkt);
        return name.find() ? name.group(1) : wkt.substring(0, Math.min(wkt.length(), 60));
    }
}
