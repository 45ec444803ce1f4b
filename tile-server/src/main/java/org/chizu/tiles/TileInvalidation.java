package org.chizu.tiles;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Drops what an edit made stale: the touched tiles and the layer's extent. */
@Component
class TileInvalidation {

    private final LayerRegistry registry;
    private final TileCache cache;
    private final LayerExtents extents;

    TileInvalidation(LayerRegistry registry, TileCache cache, LayerExtents extents) {
        this.registry = registry;
        this.cache = cache;
        this.extents = extents;
    }

    @EventListener
    void on(LayerDataChanged change) {
        registry.find(change.layerId()).ifPresent(layer -> {
            cache.invalidate(layer, change);
            extents.forget(layer.id());
        });
    }
}
