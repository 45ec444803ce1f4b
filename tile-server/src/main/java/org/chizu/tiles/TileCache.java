package org.chizu.tiles;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rendered tiles in memory (bounded by bytes, least-used evicted first) and on disk. An edit drops
 * exactly the tiles it touched, at every zoom, in every tileset with the edited layer.
 *
 * <p>A tile rendered while an edit commits may show the data before the edit; it must not be kept.
 * Every invalidation advances a generation counter, and a tile is kept only if no invalidation
 * happened between the start of its rendering and its storing.
 *
 * <p>With {@code chizu.tiles.cache-enabled=false} nothing is kept: every tile is rendered afresh.
 */
@Component
class TileCache {

    private final Cache<TileKey, Tile> memory;
    private final DiskTileStore disk;
    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;

    TileCache(TileProperties properties, JdbcTemplate jdbc) {
        this.enabled = properties.cacheEnabled();
        this.memory = Caffeine.newBuilder()
                .maximumWeight(properties.memoryCache().toBytes())
                .<TileKey, Tile>weigher((key, tile) -> tile.weight())
                .build();
        this.disk = new DiskTileStore(DatabaseCacheFolder.of(properties.cacheDirectory(), jdbc));
    }

    /** The cached tile, or the one {@code render} makes, which is then cached. */
    Tile get(TileKey key, Supplier<byte[]> render) {
        if (!enabled) {
            return Tile.of(render.get());
        }
        Tile tile = memory.getIfPresent(key);
        if (tile != null) {
            return tile;
        }
        long renderedIn = generation.get();
        tile = disk.read(key);
        boolean fromDisk = tile != null;
        if (!fromDisk) {
            tile = Tile.of(render.get());
        }
        keep(key, tile, renderedIn, fromDisk);
        return tile;
    }

    private void keep(TileKey key, Tile tile, long renderedIn, boolean onDiskAlready) {
        if (generation.get() != renderedIn) {
            return;
        }
        memory.put(key, tile);
        if (!onDiskAlready) {
            disk.write(key, tile);
        }
        if (generation.get() != renderedIn) {
            // An edit slipped in while storing: what was stored may predate it.
            memory.invalidate(key);
            disk.delete(key);
        }
    }

    /** Drops the tiles that the change may have altered, from memory and disk. */
    void invalidate(Layer layer, LayerDataChanged change) {
        generation.incrementAndGet();
        TouchedTiles touched = new TouchedTiles(layer, change);
        memory.asMap().keySet().removeIf(touched::touches);
        disk.delete(touched);
    }

    /** Drops every tile of the layer at zooms up to {@code upTo}, from memory and disk. */
    void invalidateZoomsUpTo(Layer layer, int upTo) {
        generation.incrementAndGet();
        TouchedTiles touched = TouchedTiles.zoomsUpTo(layer, upTo);
        memory.asMap().keySet().removeIf(touched::touches);
        disk.delete(touched);
    }
}
