package org.chizu.tiles.web;

import java.util.Optional;

import org.chizu.platform.Audience;
import org.chizu.tiles.TileCoordinate;
import org.chizu.tiles.TileOutOfRangeException;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.Tilesets;

/**
 * What a request for a public tile asks for: {@code GET /tiles/{layers}/{z}/{x}/{y}.mvt}, without
 * credentials, of a tileset whose layers are all public. Such a tile is the same for everyone, so
 * {@link PublicTileFilter} and {@link CachedTileFront} may answer it ahead of sign-in.
 */
record PublicTileAddress(Tileset tileset, TileCoordinate coordinate) {

    private static final String PREFIX = "/tiles/";

    /**
     * The address, or empty for any other request: another method or path, one with credentials
     * (so that a bad token is still refused), an unknown or staff-only layer, a place off the grid.
     * Those go on to {@link TileController}, which answers for the caller's own audience.
     */
    static Optional<PublicTileAddress> of(Tilesets tilesets, String method, String path, String authorization) {
        if (!"GET".equals(method) || authorization != null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        return tilesets.find(parts[0], Audience.PUBLIC).flatMap(tileset -> {
            try {
                return Optional.of(new PublicTileAddress(tileset,
                        TileCoordinate.parse(parts[1], parts[2], TileController.rowOf(parts[3]))));
            } catch (TileOutOfRangeException notATile) {
                return Optional.empty();
            }
        });
    }
}
