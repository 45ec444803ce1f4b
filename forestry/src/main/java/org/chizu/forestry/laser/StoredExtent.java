package org.chizu.forestry.laser;

/**
 * The extent of points as a LAS file stores them: X, Y and Z as integers, before scale and offset,
 * which are applied once, to the bounds, rather than to every point.
 */
final class StoredExtent {

    int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, minZ = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE, maxZ = Integer.MIN_VALUE;

    void include(int x, int y, int z) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        minZ = Math.min(minZ, z);
        maxZ = Math.max(maxZ, z);
    }
}
