package org.chizu.gis.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.chizu.gis.crs.CrsCode;
import org.chizu.gis.imports.ImportRequest.AxisOrder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The columns of a CSV file that hold each row's geometry, and how to read them. In order of
 * preference: a WKT column (wkt, geometry, geom); longitude and latitude (lon, lng, longitude, 経度
 * and lat, latitude, 緯度); easting and northing by name (easting, 東距 and northing, 北距); or an
 * x/y pair, whose order the request gives or else the names: survey-style X座標/Y座標 and X(m)/Y(m)
 * in a plane rectangular zone are northing first, as Japanese surveys and EPSG define those zones;
 * plain x/y are easting first, as in GIS software. An order assumed from the names is logged and
 * reported with the result.
 *
 * @param kind   how the geometry is given
 * @param first  the WKT column, or the first column of the pair (longitude, easting, x)
 * @param second the second column of the pair (latitude, northing, y), or null for WKT
 * @param order  which of the pair holds the northing: east-north for every kind but an x/y pair,
 *               whose order is null when it could not be settled (the file is then refused, and
 *               its rows are read easting first only to find their other problems)
 * @param assumption the sentence that says which order the names implied and how to override it,
 *                   or null when the request gave the order or the names leave no choice
 */
record CsvCoordinateColumns(Kind kind, String first, String second, AxisOrder order, String assumption) {

    private static final Logger log = LoggerFactory.getLogger(CsvCoordinateColumns.class);

    private static final Set<String> WKT_NAMES = Set.of("wkt", "geometry", "geom");
    private static final Set<String> LONGITUDE_NAMES = Set.of("lon", "lng", "long", "longitude", "経度");
    private static final Set<String> LATITUDE_NAMES = Set.of("lat", "latitude", "緯度");
    private static final Set<String> EASTING_NAMES = Set.of("easting", "東距");
    private static final Set<String> NORTHING_NAMES = Set.of("northing", "北距");
    // Compared after FieldNames.normalized, so Ｘ座標 and X（ｍ） match too.
    private static final Set<String> SURVEY_X_NAMES = Set.of("x座標", "x(m)", "x座標(m)");
    private static final Set<String> SURVEY_Y_NAMES = Set.of("y座標", "y(m)", "y座標(m)");
    private static final Set<String> PLAIN_X_NAMES = Set.of("x");
    private static final Set<String> PLAIN_Y_NAMES = Set.of("y");

    enum Kind {
        WKT, LONGITUDE_LATITUDE, EASTING_NORTHING, SURVEY_XY, PLAIN_XY;

        /** Whether the column names leave the order to the request. */
        boolean isXyPair() {
            return this == SURVEY_XY || this == PLAIN_XY;
        }
    }

    /**
     * The geometry columns of a file with this header, read in the request's axis order or the one
     * the names imply. Reports on line 1 an axis order given for columns whose names already say
     * what they hold, and survey-style names in a system other than a plane rectangular zone with
     * no order given.
     *
     * @return empty when the header names no coordinate columns at all
     */
    static Optional<CsvCoordinateColumns> find(List<String> header, ImportRequest request, ImportProblems problems) {
        return kindOf(header).map(found -> found.inOrder(request, problems));
    }

    private static Optional<CsvCoordinateColumns> kindOf(List<String> header) {
        Optional<String> wkt = column(header, WKT_NAMES);
        if (wkt.isPresent()) {
            return Optional.of(new CsvCoordinateColumns(Kind.WKT, wkt.get(), null, AxisOrder.EAST_NORTH, null));
        }
        return pair(header, Kind.LONGITUDE_LATITUDE, LONGITUDE_NAMES, LATITUDE_NAMES)
                .or(() -> pair(header, Kind.EASTING_NORTHING, EASTING_NAMES, NORTHING_NAMES))
                .or(() -> pair(header, Kind.SURVEY_XY, SURVEY_X_NAMES, SURVEY_Y_NAMES))
                .or(() -> pair(header, Kind.PLAIN_XY, PLAIN_X_NAMES, PLAIN_Y_NAMES));
    }

    private static Optional<CsvCoordinateColumns> pair(List<String> header, Kind kind, Set<String> xNames, Set<String> yNames) {
        return column(header, xNames).flatMap(x -> column(header, yNames)
                .map(y -> new CsvCoordinateColumns(kind, x, y, AxisOrder.EAST_NORTH, null)));
    }

    private static Optional<String> column(List<String> header, Set<String> names) {
        return header.stream().filter(h -> names.contains(FieldNames.normalized(h))).findFirst();
    }

    private CsvCoordinateColumns inOrder(ImportRequest request, ImportProblems problems) {
        AxisOrder given = request.axisOrder();
        if (!kind.isXyPair()) {
            if (given != null) {
                problems.add(InputProblem.atLine(1, first, "axis order " + given + " is only for x/y columns: "
                        + describedByName() + " by its name, so leave the axis order out"));
            }
            return this;
        }
        if (given != null) {
            return withOrder(given);
        }
        Integer srid = request.sourceSrid();
        if (kind == Kind.PLAIN_XY) {
            return assumed(AxisOrder.EAST_NORTH, "as in GIS software");
        }
        if (srid == null || CrsCode.isPlaneRectangularZone(srid)) {
            return assumed(AxisOrder.NORTH_EAST, "as Japanese surveys in a plane rectangular zone");
        }
        problems.add(InputProblem.atLine(1, first, first + " and " + second + " are survey-style names, whose order is "
                + "settled only in a plane rectangular zone (JGD2011 EPSG:6669–6687): for EPSG:" + srid
                + " say which holds the northing with axis order north-east or east-north"));
        return withOrder(null);
    }

    private String describedByName() {
        return switch (kind) {
            case WKT -> first + " holds WKT, which is easting (longitude) first";
            case LONGITUDE_LATITUDE -> first + " holds the longitude and " + second + " the latitude";
            default -> first + " holds the easting and " + second + " the northing";
        };
    }

    private CsvCoordinateColumns assumed(AxisOrder order, String why) {
        String northing = order == AxisOrder.NORTH_EAST ? first : second;
        String assumption = "read columns " + first + "/" + second + " as " + order + " (" + northing + " holds the northing, "
                + why + "); if not, " + order.howToSwap();
        log.info(assumption);
        return new CsvCoordinateColumns(kind, first, second, order, assumption);
    }

    private CsvCoordinateColumns withOrder(AxisOrder order) {
        return new CsvCoordinateColumns(kind, first, second, order, null);
    }

    /** JGD2011 for longitude/latitude and WKT; null for projected coordinates, which have no default. */
    Integer defaultSrid() {
        return kind == Kind.LONGITUDE_LATITUDE || kind == Kind.WKT ? CrsCode.JGD2011 : null;
    }

    /** The order an x/y pair is read in, or null when the names say what each column holds or it is unsettled. */
    AxisOrder xyOrder() {
        return kind.isXyPair() ? order : null;
    }

    /** The file's columns that hold the geometry, and are therefore not properties. */
    List<String> columns() {
        return second == null ? List.of(first) : List.of(first, second);
    }

    /** The row's geometry in the file's coordinate system, easting first; null when its columns are empty. */
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
        double firstValue = number(first, x);
        double secondValue = number(second, y);
        return geometries.createPoint(order == AxisOrder.NORTH_EAST
                ? new Coordinate(secondValue, firstValue) : new Coordinate(firstValue, secondValue));
    }

    private static double number(String column, String value) throws CoordinateException {
        try {
            return new BigDecimal(value).doubleValue();
        } catch (NumberFormatException e) {
            throw new CoordinateException(column, "'" + value + "' is not a number");
        }
    }

    /** A row whose coordinates cannot be read. */
    static final class CoordinateException extends Exception {

        final String column;

        CoordinateException(String column, String message) {
            super(message);
            this.column = column;
        }
    }
}
