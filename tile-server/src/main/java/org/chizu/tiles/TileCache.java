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
 * <p>A tile rendered while an edit commits may show the data before the edit, and a tile read from
 * disk while an invalidation deletes it is the old one; neither may be kept. An invalidation
 * advances a generation counter before it deletes the touched tiles from disk and again before it
 * drops them from memory, and a tile is kept only if no advance happened between the start of its
 * rendering (or reading) and its storing. The second advance covers a reader that found a file
 * the deletion had not reached yet: with one advance, ahead of both tiers, it put the old tile
 * back into memory after memory was cleared.
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

    /** The tile if memory holds it now, without reading the disk or rendering; null otherwise. */
    Tile inMemory(TileKey key) {
        return enabled ? memory.getIfPresent(key) : null;
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
        drop(new TouchedTiles(layer, change));
    }

    /** Drops every tile of the layer, in every tileset with it, from memory and disk. */
    void invalidateLayer(String layerId) {
        drop(TouchedTiles.wholeLayer(layerId));
    }

    /** Drops every tile of the layer at zooms up to {@code upTo}, from memory and disk. */
    void invalidateZoomsUpTo(Layer layer, int upTo) {
        drop(TouchedTiles.zoomsUpTo(layer, upTo));
    }

    private void drop(TouchedTiles touched) {
        generation.incrementAndGet();
        disk.delete(touched);
        generation.incrementAndGet();
        memory.asMap().keySet().removeIf(touched::touches);
    }
}
