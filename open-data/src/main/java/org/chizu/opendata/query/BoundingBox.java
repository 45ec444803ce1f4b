package org.chizu.opendata.query;

/**
 * A rectangle in some CRS, x (longitude or easting) first. Invariant: min ≤ max on both axes and
 * all values finite; a box crossing the antimeridian is not supported (Japan does not need it).
 */
public record BoundingBox(double minX, double minY, double maxX, double maxY, OutputCrs crs) {

    public BoundingBox {
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
            throw new IllegalArgumentException("bbox values must be numbers");
        }
        if (minX > maxX || minY > maxY) {
            throw new IllegalArgumentException("bbox must be minX,minY,maxX,maxY with min ≤ max");
        }
    }
}
