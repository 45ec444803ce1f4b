package org.chizu.gis.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads a CSV file with a header line. The geometry comes from the columns that
 * {@link CsvCoordinateColumns} finds: WKT, longitude/latitude (JGD2011 unless told otherwise),
 * easting/northing or an x/y pair in survey or GIS order. Projected coordinates carry no default
 * coordinate system: the request must give it. Every other column is a property.
 */
final class CsvFeatureReader implements FeatureReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .get();

    private final GeometryFactory geometries = new GeometryFactory();

    @Override
    public SourceDescription read(Path file, ImportRequest request, ImportProblems problems, Consumer<SourceFeature> features)
            throws IOException {
        Charset charset = request.encoding() != null ? request.encoding() : TextEncoding.detect(file);
        String encoding = TextEncoding.displayName(charset);
        Optional<TextEncoding.UndecodableLine> undecodable = TextEncoding.firstUndecodableLine(file, charset);
        if (undecodable.isPresent()) {
            problems.add(InputProblem.atLine(undecodable.get().line(), null, "holds bytes (" + undecodable.get().bytes() + ") that are not "
                    + (request.encoding() != null ? encoding : "UTF-8 or Shift_JIS") + " text: save the file again as UTF-8 or Shift_JIS"
                    + (request.encoding() != null ? ", or give its encoding (encoding)" : "")));
            return SourceDescription.UNREAD;
        }
        try (Reader text = TextEncoding.open(file, charset); CSVParser parser = FORMAT.parse(text)) {
            List<String> header = parser.getHeaderNames();
            Optional<CsvCoordinateColumns> coordinates = CsvCoordinateColumns.find(header, request, problems);
            if (coordinates.isEmpty()) {
                problems.add(InputProblem.atLine(1, null, "no coordinate columns: name them lon and lat "
                        + "(or 経度 and 緯度), x and y (or X座標 and Y座標), easting and northing, "
                        + "or give the geometry as WKT in a column named wkt"));
                return new SourceDescription(null, encoding);
            }
            int number = 0;
            for (CSVRecord record : parser) {
                int line = Math.toIntExact(parser.getCurrentLineNumber()) - lineBreaksWithin(record);
                feature(++number, line, record, header, coordinates.get(), problems).ifPresent(features);
            }
            return new SourceDescription(coordinates.get().defaultSrid(), encoding, coordinates.get().xyOrder(),
                    coordinates.get().assumption());
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports malformed quoting and duplicate column names this way.
            problems.add(InputProblem.ofFile("the file is not readable as CSV: " + e.getMessage()));
            return new SourceDescription(null, encoding);
        }
    }

    private Optional<SourceFeature> feature(int number, int line, CSVRecord record, List<String> header, CsvCoordinateColumns coordinates,
                                  ImportProblems problems) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            String name = header.get(i);
            if (!name.isBlank() && !coordinates.columns().contains(name)) {
                properties.put(name, record.get(i));
            }
        }
        SourceFeature withoutGeometry = new SourceFeature(number, line, null, properties);
        if (record.size() != header.size()) {
            problems.add(withoutGeometry.problem(null, "has " + record.size() + " fields, the header has " + header.size()));
            return Optional.empty();
        }
        try {
            return Optional.of(new SourceFeature(number, line, coordinates.geometry(record, geometries), properties));
        } catch (CsvCoordinateColumns.CoordinateException e) {
            problems.add(withoutGeometry.problem(e.column, e.getMessage()));
            return Optional.empty();
        }
    }

    /** Quoted values may span lines; the parser's line number is where the record ends. */
    private static int lineBreaksWithin(CSVRecord record) {
        return record.stream().mapToInt(value -> (int) value.chars().filter(c -> c == '\n').count()).sum();
    }
}
