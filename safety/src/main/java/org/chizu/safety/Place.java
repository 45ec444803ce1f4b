package org.chizu.safety;

/**
 * A point on the ground in WGS 84 longitude and latitude, as browsers and GPS report it.
 * Always finite and within range.
 *
 * @param lon longitude in degrees, -180 to 180
 * @param lat latitude in degrees, -90 to 90
 */
public record Place(double lon, double lat) {

    /** @throws IllegalArgumentException naming the coordinate that is out of range */
    public Place {
        requireWithin("lon", lon, 180);
        requireWithin("lat", lat, 90);
    }

    private static void requireWithin(String name, double value, double limit) {
        if (!Double.isFinite(value) || Math.abs(value) > limit) {
            throw new IllegalArgumentException(name + " must be a number between " + -limit + " and " + limit
                    + " degrees (WGS 84), not " + value + ".");
        }
    }
}
