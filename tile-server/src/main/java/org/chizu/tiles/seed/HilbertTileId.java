package org.chizu.tiles.seed;

import org.chizu.tiles.TileCoordinate;

/**
 * PMTiles' tile ID: every tile of lower zooms counted first, then the tile's position on the
 * Hilbert curve through its zoom. Tiles close in ID are close on the map, which is why a
 * clustered archive stores tile data in ID order.
 */
final class HilbertTileId {

    private HilbertTileId() {
    }

    static long of(TileCoordinate tile) {
        long lowerZooms = ((1L << (2 * tile.z())) - 1) / 3; // 4^0 + 4^1 + … + 4^(z-1)
        long x = tile.x();
        long y = tile.y();
        long n = 1L << tile.z();
        long position = 0;
        for (long s = n / 2; s > 0; s /= 2) {
            long rx = (x & s) > 0 ? 1 : 0;
            long ry = (y & s) > 0 ? 1 : 0;
            position += s * s * ((3 * rx) ^ ry);
            if (ry == 0) { // rotate the quadrant so the curve stays continuous
                if (rx == 1) {
                    x = n - 1 - x;
                    y = n - 1 - y;
                }
                long swap = x;
                x = y;
                y = swap;
            }
        }
        return lowerZooms + position;
    }
}
