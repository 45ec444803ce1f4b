package org.chizu.forestry.products;

import org.chizu.forestry.laser.ArchivedTile;

/**
 * Told each time a product run has decoded a tile: once per tile and run, or twice for a tile along
 * the edge between two strips of a survey more than 5 km across ({@link BlockSweep}).
 */
@FunctionalInterface
public interface TilesRead {

    /** Told nothing. */
    TilesRead IGNORED = (tile, points, read, tiles) -> { };

    /**
     * @param points the points decoded from the tile
     * @param read   the tiles decoded so far, this one included
     * @param tiles  the tile decodes the run makes in all
     */
    void tileRead(ArchivedTile tile, long points, int read, int tiles);
}
