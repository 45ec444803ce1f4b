package org.chizu.tiles;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.LayersChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Drops the tiles an edit made stale, and every tile of a layer declared anew, differently or no more. */
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

    @EventListener
    void on(LayersChanged change) {
        change.staleIds().forEach(cache::invalidateLayer);
    }
}
