package org.chizu.sample;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A JGD2011 longitude/latitude (EPSG:6668), in degrees. */
record LonLat(double lon, double lat) {

    /** WKT of a line through the points, in the order given; six decimals is about 10 cm. */
    static String lineWkt(List<LonLat> points) {
        return points.stream().map(LonLat::coordinates).collect(Collectors.joining(", ", "LINESTRING(", ")"));
    }

    /** WKT of a polygon whose outline runs through the points; the ring is closed here. */
    static String polygonWkt(List<LonLat> outline) {
        return outline.stream().map(LonLat::coordinates)
                .collect(Collectors.joining(", ", "POLYGON((", ", " + outline.getFirst().coordinates() + "))"));
    }

    private String coordinates() {
        return String.format(Locale.ROOT, "%.6f %.6f", lon, lat);
    }
}
