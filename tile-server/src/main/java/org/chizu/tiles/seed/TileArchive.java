package org.chizu.tiles.seed;

import org.chizu.tiles.Tile;
import org.chizu.tiles.TileCoordinate;

/**
 * A tile archive file being written by the seed command. Tiles may come in any order; the archive
 * is a valid file only after {@link #finish()}. {@link #close()} releases what the writer holds,
 * and after a failure leaves an unfinished file that the caller deletes.
 */
interface TileArchive extends AutoCloseable {

    /** Adds a tile with at least one feature; each coordinate at most once. */
    void tile(TileCoordinate coordinate, Tile tile) throws Exception;

    /** Writes what is still held back and makes the file a complete archive. */
    void finish() throws Exception;
}
