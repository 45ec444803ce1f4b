package org.chizu.app.layers;

import java.util.List;
import java.util.Map;

import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.DataSource;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.LayerSources;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The layer registry over HTTP: what layers there are, for whoever asks. */
@RestController
@RequestMapping("/api/layers")
class LayersController {

    private final LayerRegistry registry;
    private final LayerSources sources;
    private final CurrentAudience audience;

    LayersController(LayerRegistry registry, LayerSources sources, CurrentAudience audience) {
        this.registry = registry;
        this.sources = sources;
        this.audience = audience;
    }

    /** The layers the caller may see, staff-only ones only for staff. */
    @GetMapping
    Map<String, List<LayerView>> list() {
        List<Layer> layers = registry.visibleTo(audience.get());
        Map<String, List<DataSource>> recorded = sources.of(layers.stream().map(Layer::id).toList());
        return Map.of("layers", layers.stream().map(l -> LayerView.of(l, recorded.getOrDefault(l.id(), List.of()))).toList());
    }

    @GetMapping("/{id}")
    LayerView one(@PathVariable String id) {
        Layer layer = registry.require(id, audience.get());
        return LayerView.of(layer, sources.of(layer.id()));
    }
}
