package org.chizu.tiles;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.springframework.stereotype.Component;

/** The tile SQL of every layer in the registry, built once when the registry has loaded. */
@Component
class TileQueries {

    private final Map<String, TileQuery> byLayer;

    TileQueries(LayerRegistry registry) {
        this.byLayer = registry.all().stream().collect(Collectors.toUnmodifiableMap(Layer::id, TileQuery::new));
    }

    TileQuery of(Layer layer) {
        return byLayer.get(layer.id());
    }
}
