package org.chizu.sample;

/**
 * A flat approximation of the earth around one place, in metres east and north of it. Over a town
 * (some 40 km) its distances are within a fraction of a percent, which is all that laying out
 * sample data needs; exact areas and buffers are left to PostGIS geography.
 */
record LocalPlane(LonLat origin) {

    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    /** A point of the plane, in metres from the origin. */
    record Xy(double x, double y) {

        double distanceTo(Xy other) {
            return Math.hypot(x - other.x, y - other.y);
        }

        Xy towards(Xy other, double fraction) {
            return new Xy(x + (other.x - x) * fraction, y + (other.y - y) * fraction);
        }
    }

    Xy toPlane(LonLat point) {
        return new Xy((point.lon() - origin.lon()) * metresPerDegreeLon(), (point.lat() - origin.lat()) * METRES_PER_DEGREE_LAT);
    }

    LonLat toLonLat(Xy point) {
        return new LonLat(origin.lon() + point.x() / metresPerDegreeLon(), origin.lat() + point.y() / METRES_PER_DEGREE_LAT);
    }

    double distance(LonLat a, LonLat b) {
        return toPlane(a).distanceTo(toPlane(b));
    }

    private double metresPerDegreeLon() {
        return METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(origin.lat()));
    }
}
