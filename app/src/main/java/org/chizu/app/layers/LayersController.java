package org.chizu.app.layers;

import java.util.List;
import java.util.Map;

import org.chizu.accounts.CurrentAudience;
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
        return Map.of("layers", registry.visibleTo(audience.get()).stream().map(this::view).toList());
    }

    @GetMapping("/{id}")
    LayerView one(@PathVariable String id) {
        return view(registry.require(id, audience.get()));
    }

    private LayerView view(Layer layer) {
        return LayerView.of(layer, sources.of(layer.id()));
    }
}
