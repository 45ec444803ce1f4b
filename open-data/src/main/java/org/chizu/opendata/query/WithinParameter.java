package org.chizu.opendata.query;

import java.util.regex.Pattern;

import org.chizu.gis.municipalities.LocalGovernmentCodes;
import org.locationtech.jts.geom.Geometry;

/**
 * The {@code within} parameter: a municipality's code, five digits or six with the check digit
 * ("32204" or "322041", 益田市), or a Polygon or MultiPolygon in WKT, in CRS84 unless
 * {@code within-crs} says otherwise.
 */
public final class WithinParameter {

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{5,6}");

    private WithinParameter() {
    }

    /**
     * @return the area, or null when {@code within} is null or blank
     * @throws IllegalArgumentException for text that is neither a code nor a valid polygon
     * @throws org.chizu.gis.municipalities.MunicipalityProblem for a six-digit code with a wrong check digit
     */
    public static AreaFilter parse(String within, String crs) {
        if (within == null || within.isBlank()) {
            return null;
        }
        String text = within.strip();
        if (MUNICIPALITY_CODE.matcher(text).matches()) {
            return new AreaFilter.Municipality(LocalGovernmentCodes.fiveDigits(text));
        }
        Geometry polygon;
        try {
            polygon = WktGeometry.read(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("within must be a municipality code (5 digits, or 6 with the check digit) or a WKT polygon: " + e.getMessage());
        }
        if (!(polygon instanceof org.locationtech.jts.geom.Polygon || polygon instanceof org.locationtech.jts.geom.MultiPolygon)) {
            throw new IllegalArgumentException("within must be a Polygon or MultiPolygon, not a " + polygon.getGeometryType());
        }
        OutputCrs polygonCrs = crs == null || crs.isBlank() ? OutputCrs.WGS84 : OutputCrs.parse(crs);
        return new AreaFilter.Polygon(text, polygonCrs);
    }
}
