package org.chizu.tiles;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import org.chizu.gis.layer.Layer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Tiles of any tileset, from the cache or rendered by PostGIS. A composite tile is its layers'
 * tiles end to end: an MVT is a list of layers, so concatenated tiles are one valid tile, and each
 * layer's part is shared with (and cached as) that layer's own tile.
 */
@Service
public class TileService {

    private final TileQueries queries;
    private final TileCache cache;
    private final JdbcTemplate jdbc;

    TileService(TileQueries queries, TileCache cache, JdbcTemplate jdbc) {
        this.queries = queries;
        this.cache = cache;
        this.jdbc = jdbc;
    }

    /** The tile; empty (no bytes) when no feature of the tileset is in it at this zoom. */
    public Tile tile(Tileset tileset, TileCoordinate coordinate) {
        TileKey key = TileKey.of(tileset, coordinate);
        if (!tileset.isComposite()) {
            Layer layer = tileset.layers().get(0);
            return cache.get(key, () -> queries.of(layer).render(coordinate, jdbc));
        }
        return cache.get(key, () -> {
            ByteArrayOutputStream composite = new ByteArrayOutputStream();
            for (Layer layer : tileset.layers()) {
                composite.writeBytes(tile(Tileset.of(List.of(layer)), coordinate).mvt());
            }
            return composite.toByteArray();
        });
    }

    /** The tile if the memory cache holds it now: an answer that never waits on disk or database. */
    public Optional<Tile> inMemory(Tileset tileset, TileCoordinate coordinate) {
        return Optional.ofNullable(cache.inMemory(TileKey.of(tileset, coordinate)));
    }
}
