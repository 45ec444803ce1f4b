package org.chizu.forestry.products;

import org.chizu.forestry.laser.ArchivedTile;

/** Told each time a product run has decoded a tile, which it does once per tile and run. */
@FunctionalInterface
public interface TilesRead {

    /** Told nothing. */
    TilesRead IGNORED = (tile, points, read, tiles) -> { };

    /**
     * @param points the points decoded from the tile
     * @param read   the tiles decoded so far, this one included
     * @param tiles  the tiles the run decodes in all
     */
    void tileRead(ArchivedTile tile, long points, int read, int tiles);
}
