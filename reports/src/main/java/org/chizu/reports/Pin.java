package org.chizu.reports;

/**
 * Where a resident put the pin, in WGS 84 longitude and latitude as browsers and GPS report them.
 * Always finite and within range.
 */
public record Pin(double lon, double lat) {

    /** @throws ReportProblem naming the coordinate that is out of range */
    public Pin {
        requireWithin("lon", lon, 180);
        requireWithin("lat", lat, 90);
    }

    private static void requireWithin(String name, double value, double limit) {
        if (!Double.isFinite(value) || Math.abs(value) > limit) {
            throw ReportProblem.badInput(name + " は -" + limit + " から " + limit + " の数値で指定してください。",
                    name + " must be a number between " + -limit + " and " + limit + " degrees (WGS 84), not " + value + ".");
        }
    }
}
