package org.chizu.tiles;

/** A cached tile's identity: the tileset's canonical name and the tile's address. */
record TileKey(String tileset, int z, int x, int y) {

    static TileKey of(Tileset tileset, TileCoordinate tile) {
        return new TileKey(tileset.name(), tile.z(), tile.x(), tile.y());
    }
}
