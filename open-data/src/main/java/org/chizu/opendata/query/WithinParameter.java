package org.chizu.opendata.query;

import java.util.regex.Pattern;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The {@code within} parameter: a five-digit municipality code ("32204", 益田市) or a Polygon or
 * MultiPolygon in WKT, in CRS84 unless {@code within-crs} says otherwise.
 */
public final class WithinParameter {

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{5}");

    private WithinParameter() {
    }

    /**
     * @return the area, or null when {@code within} is null or blank
     * @throws IllegalArgumentException for text that is neither a code nor a valid polygon
     */
    public static AreaFilter parse(String within, String crs) {
        if (within == null || within.isBlank()) {
            return null;
        }
        String text = within.strip();
        if (MUNICIPALITY_CODE.matcher(text).matches()) {
            return new AreaFilter.Municipality(text);
        }
        Geometry polygon;
        try {
            polygon = new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("within must be a 5-digit municipality code or a WKT polygon: " + e.getMessage());
        }
        if (!(polygon instanceof org.locationtech.jts.geom.Polygon || polygon instanceof org.locationtech.jts.geom.MultiPolygon)) {
            throw new IllegalArgumentException("within must be a Polygon or MultiPolygon, not a " + polygon.getGeometryType());
        }
        if (!polygon.isValid()) {
            throw new IllegalArgumentException("the within polygon is not valid (self-intersecting or unclosed)");
        }
        OutputCrs polygonCrs = crs == null || crs.isBlank() ? OutputCrs.WGS84 : OutputCrs.parse(crs);
        return new AreaFilter.Polygon(text, polygonCrs);
    }
}
