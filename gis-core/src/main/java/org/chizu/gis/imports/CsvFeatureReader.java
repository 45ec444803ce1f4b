package org.chizu.gis.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.chizu.gis.crs.CrsCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads a CSV file with a header line. Coordinates come from, in this order of preference, a WKT
 * column (wkt, geometry, geom), longitude and latitude columns (lon, lng, longitude, 経度 and
 * lat, latitude, 緯度; JGD2011 unless told otherwise), or x and y columns. x is the easting and y
 * the northing, as in GIS software; Japanese survey tables call the northing X, so name such
 * columns for what they hold. x/y carry no default coordinate system: the request must give it.
 * Every other column is a property.
 */
final class CsvFeatureReader implements FeatureReader {

    private static final Set<String> WKT_NAMES = Set.of("wkt", "geometry", "geom");
    private static final Set<String> LONGITUDE_NAMES = Set.of("lon", "lng", "long", "longitude", "経度");
    private static final Set<String> LATITUDE_NAMES = Set.of("lat", "latitude", "緯度");
    private static final Set<String> EASTING_NAMES = Set.of("x");
    private static final Set<String> NORTHING_NAMES = Set.of("y");

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
        try (Reader text = TextEncoding.open(file, charset); CSVParser parser = FORMAT.parse(text)) {
            List<String> header = parser.getHeaderNames();
            Optional<Coordinates> coordinates = Coordinates.find(header);
            if (coordinates.isEmpty()) {
                problems.add(InputProblem.atLine(1, null, "no coordinate columns: name them lon and lat "
                        + "(or 経度 and 緯度), x and y, or give the geometry as WKT in a column named wkt"));
                return new SourceDescription(null, encoding);
            }
            int number = 0;
            for (CSVRecord record : parser) {
                int line = Math.toIntExact(parser.getCurrentLineNumber()) - lineBreaksWithin(record);
                feature(++number, line, record, header, coordinates.get(), problems).ifPresent(features);
            }
            return new SourceDescription(coordinates.get().kind == Coordinates.Kind.EASTING_NORTHING ? null : CrsCode.JGD2011,
                    encoding);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports malformed quoting and duplicate column names this way.
            problems.add(InputProblem.ofFile("the file is not readable as CSV: " + e.getMessage()));
            return new SourceDescription(null, encoding);
        }
    }

    private Optional<SourceFeature> feature(int number, int line, CSVRecord record, List<String> header, Coordinates coordinates,
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
        } catch (CoordinateException e) {
            problems.add(withoutGeometry.problem(e.column, e.getMessage()));
            return Optional.empty();
        }
    }

    /** Quoted values may span lines; the parser's line number is where the record ends. */
    private static int lineBreaksWithin(CSVRecord record) {
        return record.stream().mapToInt(value -> (int) value.chars().filter(c -> c == '\n').count()).sum();
    }

    /** The columns that hold a row's geometry, and how. */
    private record Coordinates(Kind kind, String first, String second) {

        enum Kind { WKT, LONGITUDE_LATITUDE, EASTING_NORTHING }

        static Optional<Coordinates> find(List<String> header) {
            Optional<String> wkt = column(header, WKT_NAMES);
            if (wkt.isPresent()) {
                return Optional.of(new Coordinates(Kind.WKT, wkt.get(), null));
            }
            return pair(header, Kind.LONGITUDE_LATITUDE, LONGITUDE_NAMES, LATITUDE_NAMES)
                    .or(() -> pair(header, Kind.EASTING_NORTHING, EASTING_NAMES, NORTHING_NAMES));
        }

        private static Optional<Coordinates> pair(List<String> header, Kind kind, Set<String> xNames, Set<String> yNames) {
            return column(header, xNames).flatMap(x -> column(header, yNames).map(y -> new Coordinates(kind, x, y)));
        }

        private static Optional<String> column(List<String> header, Set<String> names) {
            return header.stream().filter(h -> names.contains(FieldNames.normalized(h))).findFirst();
        }

        List<String> columns() {
            return second == null ? List.of(first) : List.of(first, second);
        }

        Geometry geometry(CSVRecord record, GeometryFactory geometries) throws CoordinateException {
            if (kind == Kind.WKT) {
                String wkt = record.get(first).strip();
                if (wkt.isEmpty()) {
                    return null;
                }
                try {
                    return new WKTReader(geometries).read(wkt);
                } catch (ParseException e) {
                    throw new CoordinateException(first, "is not WKT: " + e.getMessage());
                }
            }
            String x = record.get(first).strip();
            String y = record.get(second).strip();
            if (x.isEmpty() && y.isEmpty()) {
                return null;
            }
            return geometries.createPoint(new Coordinate(number(first, x), number(second, y)));
        }

        private static double number(String column, String value) throws CoordinateException {
            try {
                return new BigDecimal(value).doubleValue();
            } catch (NumberFormatException e) {
                throw new CoordinateException(column, "'" + value + "' is not a number");
            }
        }
    }

    /** A row whose coordinates cannot be read. */
    private static final class CoordinateException extends Exception {

        final String column;

        CoordinateException(String column, String message) {
            super(message);
            this.column = column;
        }
    }
}
