package org.chizu.gis.crs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coordinate reference systems as EPSG codes (PostGIS SRIDs), and the spellings people and files
 * use for them. Whether PostGIS knows a code is a question for the database, not for this class.
 */
public final class CrsCode {

    /** WGS 84 longitude/latitude: what OGC CRS84 and RFC 7946 GeoJSON mean (x = longitude in PostGIS). */
    public static final int WGS84 = 4326;

    /** JGD2011 longitude/latitude (日本測地系2011), the datum Chizu stores. */
    public static final int JGD2011 = 6668;

    /** EPSG code of JGD2011 plane rectangular zone I (平面直角座標系 第I系); zone n is this + n - 1. */
    private static final int FIRST_PLANE_RECTANGULAR_ZONE = 6669;

    /** Zone I in the older datums that survey ledgers still use: JGD2000 and the Tokyo datum (日本測地系). */
    private static final int FIRST_JGD2000_PLANE_RECTANGULAR_ZONE = 2443;
    private static final int FIRST_TOKYO_PLANE_RECTANGULAR_ZONE = 30161;

    /** The number of plane rectangular zones (第I系 to 第XIX系). */
    public static final int PLANE_RECTANGULAR_ZONES = 19;

    /** Zone III (第III系): Yamaguchi, Shimane and Hiroshima. */
    public static final int PLANE_RECTANGULAR_ZONE_III = planeRectangularZone(3);

    // EPSG:6671, 6671, EPSG::6671 (in URNs), …/def/crs/EPSG/0/6671 (OGC URIs).
    private static final Pattern EPSG = Pattern.compile(
            "(?:epsg:{1,2}|urn:ogc:def:crs:epsg:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/)?([0-9]{4,6})");
    private static final Pattern CRS84 = Pattern.compile(
            "(?:ogc:)?crs84|urn:ogc:def:crs:ogc:[0-9.]*:crs84|https?://www\\.opengis\\.net/def/crs/ogc/[0-9.]+/crs84");

    private CrsCode() {
    }

    /**
     * The EPSG code of JGD2011 plane rectangular zone {@code zone} (1 = 第I系 … 19 = 第XIX系):
     * 6669 … 6687.
     *
     * @throws IllegalArgumentException for a zone outside 1–19
     */
    public static int planeRectangularZone(int zone) {
        if (zone < 1 || zone > PLANE_RECTANGULAR_ZONES) {
            throw new IllegalArgumentException("plane rectangular zones are numbered 1 to 19, not " + zone);
        }
        return FIRST_PLANE_RECTANGULAR_ZONE + zone - 1;
    }

    /**
     * Whether the code is a plane rectangular zone (平面直角座標系) in JGD2011 (6669–6687), JGD2000
     * (2443–2461) or the Tokyo datum (30161–30179): the systems whose first axis, X, is the northing.
     */
    public static boolean isPlaneRectangularZone(int srid) {
        return isZoneOf(srid, FIRST_PLANE_RECTANGULAR_ZONE) || isZoneOf(srid, FIRST_JGD2000_PLANE_RECTANGULAR_ZONE)
                || isZoneOf(srid, FIRST_TOKYO_PLANE_RECTANGULAR_ZONE);
    }

    private static boolean isZoneOf(int srid, int firstZone) {
        return srid >= firstZone && srid < firstZone + PLANE_RECTANGULAR_ZONES;
    }

    /**
     * The EPSG code a CRS name stands for: "EPSG:6671", "6671", "urn:ogc:def:crs:EPSG::6671",
     * "http://www.opengis.net/def/crs/EPSG/0/6671"; "CRS84" and its OGC URN and URI give
     * {@link #WGS84}, whose PostGIS axis order is longitude first as CRS84 requires. Case and
     * surrounding blanks do not matter.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static int parse(String name) {
        String normalized = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (CRS84.matcher(normalized).matches()) {
            return WGS84;
        }
        Matcher epsg = EPSG.matcher(normalized);
        if (epsg.matches()) {
            return Integer.parseInt(epsg.group(1));
        }
        throw new IllegalArgumentException("'" + name + "' is not a coordinate system Chizu understands: "
                + "give an EPSG code such as EPSG:6671 (JGD2011 plane rectangular zone III) or EPSG:6668 (JGD2011)");
    }
}
