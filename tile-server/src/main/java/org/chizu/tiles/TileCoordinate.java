package org.chizu.tiles;

import org.chizu.gis.layer.TileSettings;

/**
 * One tile of the WebMercatorQuad grid in XYZ numbering: zoom {@code z}, column {@code x} from
 * the antimeridian eastwards, row {@code y} from the north edge southwards.
 * Invariant: {@code 0 <= z <= 24} and {@code 0 <= x, y < 2^z}.
 */
public record TileCoordinate(int z, int x, int y) {

    /** @throws TileOutOfRangeException when the tile is not in the grid */
    public TileCoordinate {
        if (z < 0 || z > TileSettings.MAX_ZOOM) {
            throw new TileOutOfRangeException("Zoom " + z + " is outside 0–" + TileSettings.MAX_ZOOM + ".");
        }
        long size = 1L << z;
        if (x < 0 || x >= size || y < 0 || y >= size) {
            throw new TileOutOfRangeException("Tile " + z + "/" + x + "/" + y + " is outside the grid: at zoom "
                    + z + " x and y run from 0 to " + (size - 1) + ".");
        }
    }

    /**
     * Reads a tile address from URL path segments.
     *
     * @throws TileOutOfRangeException when a part is not a number or the tile is not in the grid
     */
    public static TileCoordinate parse(String z, String x, String y) {
        try {
            return new TileCoordinate(Integer.parseInt(z), Integer.parseInt(x), Integer.parseInt(y));
        } catch (NumberFormatException e) {
            throw new TileOutOfRangeException("Tile " + z + "/" + x + "/" + y + " is not a tile address: z, x and y are whole numbers.");
        }
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
