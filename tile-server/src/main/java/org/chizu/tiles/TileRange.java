package org.chizu.tiles;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.gis.layer.TileSettings;

/**
 * The tiles of one zoom that a longitude/latitude box touches: columns {@code minX..maxX} and rows
 * {@code minY..maxY}, inclusive. Invariant: the range lies inside the grid and is not empty.
 */
public record TileRange(int z, int minX, int minY, int maxX, int maxY) implements Iterable<TileCoordinate> {

    /** Web Mercator cannot show the poles; latitudes are clamped to the square world it maps. */
    private static final double MAX_LATITUDE = 85.0511287798066;

    /**
     * The tiles whose area, widened by {@code margin} tile widths on every side, meets the box. The
     * margin is the tile buffer: a feature just outside a tile still shows in its buffer.
     */
    public static TileRange covering(Bounds bounds, int z, double margin) {
        int last = (int) ((1L << z) - 1);
        double size = 1L << z;
        int minX = clamp(Math.floor(columnOf(bounds.minLon()) * size - margin), last);
        int maxX = clamp(Math.floor(columnOf(bounds.maxLon()) * size + margin), last);
        int minY = clamp(Math.floor(rowOf(bounds.maxLat()) * size - margin), last);
        int maxY = clamp(Math.floor(rowOf(bounds.minLat()) * size + margin), last);
        return new TileRange(z, minX, minY, maxX, maxY);
    }

    /** The position of a longitude across the world, 0 at the antimeridian west to 1 east. */
    private static double columnOf(double lon) {
        return (lon + 180.0) / 360.0;
    }

    /** The position of a latitude down the Mercator square, 0 at the north edge to 1 at the south. */
    private static double rowOf(double lat) {
        double radians = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
        return (1.0 - Math.log(Math.tan(radians) + 1.0 / Math.cos(radians)) / Math.PI) / 2.0;
    }

    private static int clamp(double value, int last) {
        return (int) Math.max(0, Math.min(last, value));
    }

    public boolean contains(int x, int y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    public long count() {
        return (long) (maxX - minX + 1) * (maxY - minY + 1);
    }

    /** The tiles row by row, west to east. */
    @Override
    public Iterator<TileCoordinate> iterator() {
        return new Iterator<>() {
            private int x = minX;
            private int y = minY;

            @Override
            public boolean hasNext() {
                return y <= maxY;
            }

            @Override
            public TileCoordinate next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TileCoordinate tile = new TileCoordinate(z, x, y);
                if (++x > maxX) {
                    x = minX;
                    y++;
                }
                return tile;
            }
        };
    }

    /** The ranges a box touches at every zoom of the grid, indexed by zoom. */
    public static TileRange[] atEveryZoom(Bounds bounds, double margin) {
        TileRange[] ranges = new TileRange[TileSettings.MAX_ZOOM + 1];
        for (int z = 0; z < ranges.length; z++) {
            ranges[z] = covering(bounds, z, margin);
        }
        return ranges;
    }
}
