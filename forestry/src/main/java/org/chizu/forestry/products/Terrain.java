package org.chizu.forestry.products;

/**
 * What forestry reads off a terrain model: slope, hillshade and curvature, each from a cell's 3×3
 * neighbourhood (Horn's method for the gradient, as GDAL's gdaldem does).
 */
final class Terrain {

    private Terrain() {
    }

    /** The slope in degrees. */
    static Grid slope(Grid dem) {
        Grid slope = dem.blank();
        for (int row = 0; row < dem.height(); row++) {
            for (int col = 0; col < dem.width(); col++) {
                double[] gradient = gradient(dem, col, row);
                slope.set(col, row, (float) Math.toDegrees(Math.atan(Math.hypot(gradient[0], gradient[1]))));
            }
        }
        return slope;
    }

    /** Light from the north-west (azimuth 315°) at 45° above the horizon: 0 black to 255 white. */
    static Grid hillshade(Grid dem) {
        double zenith = Math.toRadians(45), azimuth = Math.toRadians(360 - 315 + 90);
        Grid shade = dem.blank();
        for (int row = 0; row < dem.height(); row++) {
            for (int col = 0; col < dem.width(); col++) {
                double[] gradient = gradient(dem, col, row);
                double slope = Math.atan(Math.hypot(gradient[0], gradient[1]));
                double aspect = Math.atan2(gradient[1], -gradient[0]);
                double light = Math.cos(zenith) * Math.cos(slope) + Math.sin(zenith) * Math.sin(slope) * Math.cos(azimuth - aspect);
                shade.set(col, row, (float) Math.max(0, 255 * light));
            }
        }
        return shade;
    }

    /**
     * The curvature: the Laplacian of the surface over a given radius of cells, positive on ridges
     * (convex) and negative in hollows (concave), per metre.
     */
    static Grid curvature(Grid dem, int radius) {
        Grid curvature = dem.blank();
        double distance = radius * dem.cell();
        for (int row = 0; row < dem.height(); row++) {
            for (int col = 0; col < dem.width(); col++) {
                double centre = dem.get(col, row);
                double around = dem.clamped(col - radius, row) + dem.clamped(col + radius, row)
                        + dem.clamped(col, row - radius) + dem.clamped(col, row + radius);
                curvature.set(col, row, (float) ((4 * centre - around) / (distance * distance)));
            }
        }
        return curvature;
    }

    /** dz/dx (east) and dz/dy (north) by Horn's weights. */
    private static double[] gradient(Grid dem, int col, int row) {
        double a = dem.clamped(col - 1, row - 1), b = dem.clamped(col, row - 1), c = dem.clamped(col + 1, row - 1);
        double d = dem.clamped(col - 1, row), f = dem.clamped(col + 1, row);
        double g = dem.clamped(col - 1, row + 1), h = dem.clamped(col, row + 1), i = dem.clamped(col + 1, row + 1);
        double east = ((c + 2 * f + i) - (a + 2 * d + g)) / (8 * dem.cell());
        double north = ((a + 2 * b + c) - (g + 2 * h + i)) / (8 * dem.cell());
        return new double[] {east, north};
    }
}
