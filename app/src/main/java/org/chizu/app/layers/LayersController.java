package org.chizu.app.layers;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.DataSource;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.LayerSources;
import org.chizu.platform.audit.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layer registry over HTTP: what layers there are, for whoever asks; admins add, replace and
 * remove the layers they declared here ({@link LayerAccess}).
 */
@RestController
@RequestMapping("/api/layers")
class LayersController {

    private final LayerRegistry registry;
    private final LayerSources sources;
    private final CurrentAudience audience;
    private final AuditLog audit;

    LayersController(LayerRegistry registry, LayerSources sources, CurrentAudience audience, AuditLog audit) {
        this.registry = registry;
        this.sources = sources;
        this.audience = audience;
        this.audit = audit;
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

    /**
     * Declares a layer (the body is its declaration in YAML or JSON, as a layers/*.yml file), or
     * replaces one declared here before: 201 for a new layer, 200 for a replaced one, once this
     * process serves it (the others hear of it at once and reload). Its table must exist already.
     */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain"})
    ResponseEntity<LayerView> declare(@RequestBody String declaration, Principal admin) {
        LayerRegistry.Stored stored = registry.store(declaration, admin.getName());
        Layer layer = stored.declaration().layer();
        LayerView view = LayerView.of(layer, sources.of(layer.id()));
        audit.record("layer.declare", "layer " + layer.id(), Map.of("added", stored.added(), "table", layer.table()));
        return stored.added() ? ResponseEntity.created(URI.create("/api/layers/" + layer.id())).body(view) : ResponseEntity.ok(view);
    }

    /** Removes a layer declared here; its table and data stay. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        registry.remove(id);
        audit.record("layer.remove", "layer " + id, Map.of());
        return ResponseEntity.noContent().build();
    }
}
