package org.chizu.opendata.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system Chizu answers in: JGD2011 longitude/latitude (EPSG:6668, the
 * default), WGS 84 (EPSG:4326 and OGC CRS84, both written longitude first), Web Mercator
 * (EPSG:3857) and the nineteen JGD2011 plane rectangular systems (EPSG:6669–6687, 平面直角座標系).
 * Downloads always write x (longitude or easting) first; the OGC API writes coordinates in the
 * axis order the CRS defines ({@link #parseInAxisOrder}), which for EPSG:4326, EPSG:6668 and the
 * plane rectangular systems is y (latitude or northing) first.
 *
 * @param srid     the EPSG code PostGIS transforms to
 * @param yFirst   whether coordinates are written y first (the CRS's own axis order) instead of x first
 */
public record OutputCrs(int srid, boolean yFirst) {

    public static final OutputCrs JGD2011 = new OutputCrs(6668);
    public static final OutputCrs WGS84 = new OutputCrs(4326);

    private static final int FIRST_PLANE_RECTANGULAR = 6669;
    private static final int LAST_PLANE_RECTANGULAR = 6687;
    private static final Pattern EPSG = Pattern.compile(
            "(?i)(?:EPSG:(?:\\d*:)?|https?://www\\.opengis\\.net/def/crs/EPSG/\\d+(?:\\.\\d+)*/)(\\d+)");
    private static final Pattern CRS84 = Pattern.compile(
            "(?i)(?:OGC:)?CRS84|https?://www\\.opengis\\.net/def/crs/OGC/1\\.3/CRS84");

    /** A CRS written x first. */
    public OutputCrs(int srid) {
        this(srid, false);
    }

    /** @throws IllegalArgumentException for a CRS Chizu does not answer in */
    public OutputCrs {
        boolean supported = srid == 6668 || srid == 4326 || srid == 3857
                || (srid >= FIRST_PLANE_RECTANGULAR && srid <= LAST_PLANE_RECTANGULAR);
        if (!supported) {
            throw new IllegalArgumentException("EPSG:" + srid + " is not offered; use EPSG:6668 (default), "
                    + "EPSG:4326, CRS84, EPSG:3857 or a plane rectangular system EPSG:6669–6687");
        }
    }

    /**
     * Reads a CRS as clients name it: "EPSG:6668", an OGC URI
     * ("http://www.opengis.net/def/crs/EPSG/0/6677") or CRS84; null or blank gives the default.
     *
     * @throws IllegalArgumentException for an unreadable or unsupported CRS
     */
    public static OutputCrs parse(String text) {
        if (text == null || text.isBlank()) {
            return JGD2011;
        }
        String trimmed = text.strip();
        if (CRS84.matcher(trimmed).matches()) {
            return WGS84;
        }
        Matcher epsg = EPSG.matcher(trimmed);
        if (!epsg.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a CRS; write EPSG:6668 or an OGC CRS URI");
        }
        return new OutputCrs(Integer.parseInt(epsg.group(1)));
    }

    /**
     * Reads a CRS as OGC API clients name it (see {@link #parse}) and keeps the axis order its
     * authority defines: CRS84 and EPSG:3857 x first, the other EPSG codes offered y first.
     * Null or blank gives {@code fallback}.
     *
     * @throws IllegalArgumentException for an unreadable or unsupported CRS
     */
    public static OutputCrs parseInAxisOrder(String text, OutputCrs fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        OutputCrs crs = parse(text);
        boolean crs84 = CRS84.matcher(text.strip()).matches();
        return new OutputCrs(crs.srid(), !crs84 && crs.srid() != 3857);
    }

    /** Whether coordinates are degrees (else metres). */
    public boolean isGeographic() {
        return srid == 6668 || srid == 4326;
    }

    /** Decimal places that keep about a millimetre to a centimetre, and no more. */
    public int decimals() {
        return isGeographic() ? 8 : 3;
    }

    /** The OGC URI of this CRS, as OGC APIs announce it. */
    public String uri() {
        return srid == 4326 && !yFirst ? "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
                : "http://www.opengis.net/def/crs/EPSG/0/" + srid;
    }
}
