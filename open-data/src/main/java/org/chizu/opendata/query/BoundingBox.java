package org.chizu.opendata.query;

/**
 * A rectangle in some CRS, x (longitude or easting) first. Invariant: all values finite, minY ≤ maxY,
 * and minX ≤ maxX except in a geographic CRS, where a minX larger than maxX is a box that crosses
 * the antimeridian (OGC API – Features, /req/core/fc-bbox-definition): from minX east to 180° and
 * on from −180° to maxX.
 */
public record BoundingBox(double minX, double minY, double maxX, double maxY, OutputCrs crs) {

    /** The antimeridian's longitude, where a crossing box is cut in two. */
    public static final double ANTIMERIDIAN = 180;

    public BoundingBox {
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
            throw new IllegalArgumentException("bbox values must be numbers");
        }
        if (minY > maxY) {
            throw new IllegalArgumentException("bbox must be minX,minY,maxX,maxY with minY ≤ maxY");
        }
        if (minX > maxX && !crs.isGeographic()) {
            throw new IllegalArgumentException("bbox must be minX,minY,maxX,maxY with minX ≤ maxX in a projected CRS "
                    + "(only a longitude may cross the antimeridian)");
        }
    }

    /** True when the box runs from minX over the antimeridian to maxX. */
    public boolean crossesAntimeridian() {
        return minX > maxX;
    }
}
