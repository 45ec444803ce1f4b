package org.chizu.forestry.products;

/**
 * A relief picture in the manner of the CS立体図 (Curvature and Slope map devised by the Nagano
 * Prefecture Forestry Research Center): curvature coloured from blue in hollows and valleys through
 * white to red-brown on ridges, darkened by slope so that steep ground stands out. Forest road
 * planners read landslide scars, gullies and terraces off it. Chizu's own rendering, not the
 * original tool's exact palette.
 */
final class CsRelief {

    /** Curvature (per metre) at which the colour is full; ridges and hollows beyond are as strong. */
    private static final double FULL_CURVATURE = 0.004;
    private static final double STEEPEST = 50;

    private CsRelief() {
    }

    /** Red, green and blue bytes per cell. */
    static byte[][] render(Grid slope, Grid curvature) {
        int cells = slope.values().length;
        byte[][] rgb = new byte[3][cells];
        for (int at = 0; at < cells; at++) {
            double bend = Math.max(-1, Math.min(1, curvature.values()[at] / FULL_CURVATURE));
            double shade = 1 - 0.65 * Math.min(1, slope.values()[at] / STEEPEST);
            double red, green, blue;
            if (bend >= 0) { // convex: white to red-brown
                red = 255 - 55 * bend;
                green = 255 - 175 * bend;
                blue = 255 - 205 * bend;
            } else { // concave: white to blue
                red = 255 + 205 * bend;
                green = 255 + 120 * bend;
                blue = 255 + 15 * bend;
            }
            rgb[0][at] = (byte) Math.round(red * shade);
            rgb[1][at] = (byte) Math.round(green * shade);
            rgb[2][at] = (byte) Math.round(blue * shade);
        }
        return rgb;
    }
}
