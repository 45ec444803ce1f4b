package org.chizu.tiles;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayersChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The tile SQL of the registry's layers, built once per declaration: on a layer's first tile, and
 * again when its declaration changed. A query built for another declaration of the layer is never
 * used, even in the moment between the registry's swap and {@link LayersChanged}.
 */
@Component
class TileQueries {

    private final Map<String, TileQuery> byLayer = new ConcurrentHashMap<>();

    TileQuery of(Layer layer) {
        TileQuery query = byLayer.get(layer.id());
        if (query != null && query.layer().equals(layer)) {
            return query;
        }
        return byLayer.compute(layer.id(), (id, built) -> built != null && built.layer().equals(layer) ? built : new TileQuery(layer));
    }

    @EventListener
    void on(LayersChanged change) {
        change.staleIds().forEach(byLayer::remove);
    }
}
