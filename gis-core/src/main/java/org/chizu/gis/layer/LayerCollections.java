package org.chizu.gis.layer;

import java.util.List;
import java.util.Optional;

import org.chizu.platform.Audience;
import org.chizu.platform.ogc.OgcCollection;
import org.chizu.platform.ogc.OgcCollections;
import org.springframework.stereotype.Component;

/** The OGC API's collections are the registry's layers, each with its current extent. */
@Component
class LayerCollections implements OgcCollections {

    private final LayerRegistry registry;
    private final LayerExtents extents;

    LayerCollections(LayerRegistry registry, LayerExtents extents) {
        this.registry = registry;
        this.extents = extents;
    }

    @Override
    public List<OgcCollection> visibleTo(Audience audience) {
        return registry.visibleTo(audience).stream().map(this::collection).toList();
    }

    @Override
    public Optional<OgcCollection> find(String id, Audience audience) {
        return registry.find(id).filter(layer -> layer.isVisibleTo(audience)).map(this::collection);
    }

    private OgcCollection collection(Layer layer) {
        double[] extent = extents.of(layer)
                .map(b -> new double[] {b.minLon(), b.minLat(), b.maxLon(), b.maxLat()}).orElse(null);
        return new OgcCollection(layer.id(), layer.title(), layer.description(), layer.licence().title(),
                layer.licence().url(), extent);
    }
}
