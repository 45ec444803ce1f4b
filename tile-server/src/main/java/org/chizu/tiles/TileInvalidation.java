package org.chizu.tiles;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Drops the tiles an edit made stale. */
@Component
class TileInvalidation {

    private final LayerRegistry registry;
    private final TileCache cache;

    TileInvalidation(LayerRegistry registry, TileCache cache) {
        this.registry = registry;
        this.cache = cache;
    }

    @EventListener
    void on(LayerDataChanged change) {
        registry.find(change.layerId()).ifPresent(layer -> cache.invalidate(layer, change));
    }
}
