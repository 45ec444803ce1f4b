package org.chizu.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.chizu.platform.Audience;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerExtents;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.LayerSources;
import org.chizu.gis.layer.LayersChanged;
import org.chizu.opendata.OpenDataApi;
import org.chizu.opendata.VersionSpan;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The catalog's entries, derived from the layer registry and the data, never maintained by hand.
 * Only layers the anonymous public may see are listed.
 *
 * <p>Entries are cached: the first use reads the facts of every public layer in a few set-based
 * queries (not a few per layer, which a catalog of thousands of layers could not afford; only a
 * layer that declares its data's date attribute adds one, for that attribute's range), and a
 * {@link LayerDataChanged} event, which also reports changes committed by other processes, drops
 * the changed layer's entry so that its next use reads it afresh; so does {@link LayersChanged}
 * for a layer declared anew, differently or no more. Which layers are public is asked of the
 * registry on each use, so a reload shows at once. Invariant: a cached entry was read after the
 * last change announced for its layer, and from its current declaration.
 */
@Service
public class CatalogEntries {

    private final LayerRegistry registry;
    private final OpenDataApi openData;
    private final LayerSources sources;
    private final LayerExtents extents;
    private final TemporalCoverage temporal;
    private final Map<String, CatalogEntry> cached = new ConcurrentHashMap<>();
    /** The layers changed while a read was under way; that read's entries for them are stale. Null between reads. */
    private volatile Set<String> changedDuringRead;

    CatalogEntries(LayerRegistry registry, OpenDataApi openData, LayerSources sources, LayerExtents extents,
            TemporalCoverage temporal) {
        this.registry = registry;
        this.openData = openData;
        this.sources = sources;
        this.extents = extents;
        this.temporal = temporal;
    }

    /** Every public layer's entry, in the registry's order. */
    public List<CatalogEntry> all() {
        return entries(registry.visibleTo(Audience.PUBLIC));
    }

    /**
     * The entry of one public layer.
     *
     * @throws org.chizu.gis.layer.UnknownLayerException when there is no public layer with this id
     */
    public CatalogEntry get(String id) {
        return entries(List.of(registry.require(id, Audience.PUBLIC))).getFirst();
    }

    /** The ids of the public layers, in the registry's order, without reading their data. */
    public List<String> ids() {
        return registry.visibleTo(Audience.PUBLIC).stream().map(Layer::id).toList();
    }

    /** Whether a public layer has this id, without reading its data. */
    public boolean contains(String id) {
        return registry.find(id).filter(layer -> layer.isVisibleTo(Audience.PUBLIC)).isPresent();
    }

    /** The number of public layers, without reading their data. */
    public int count() {
        return registry.visibleTo(Audience.PUBLIC).size();
    }

    /** A change may come in while the entries are read: the read then leaves that layer's entry out. */
    @EventListener
    void forget(LayerDataChanged change) {
        forget(change.layerId());
    }

    @EventListener
    void forget(LayersChanged change) {
        change.staleIds().forEach(this::forget);
    }

    private void forget(String layerId) {
        Set<String> reading = changedDuringRead;
        if (reading != null) {
            reading.add(layerId);
        }
        cached.remove(layerId);
    }

    /** The layers' entries from the cache, reading those it lacks; a change arriving meanwhile makes it read again. */
    private List<CatalogEntry> entries(List<Layer> layers) {
        while (true) {
            List<CatalogEntry> found = new ArrayList<>(layers.size());
            List<Layer> missing = new ArrayList<>();
            for (Layer layer : layers) {
                CatalogEntry entry = cached.get(layer.id());
                if (entry == null || !entry.layer().equals(layer)) {
                    missing.add(layer);
                } else {
                    found.add(entry);
                }
            }
            if (missing.isEmpty()) {
                return found;
            }
            read(missing);
        }
    }

    /**
     * Reads the layers' facts and caches their entries, except for layers changed during the read.
     * One read at a time, so that concurrent first uses do not each read the whole catalog.
     */
    private synchronized void read(List<Layer> layers) {
        List<Layer> missing = layers.stream()
                .filter(layer -> !Optional.ofNullable(cached.get(layer.id())).map(entry -> entry.layer().equals(layer)).orElse(false))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        Set<String> changed = ConcurrentHashMap.newKeySet();
        changedDuringRead = changed;
        try {
            Map<String, CatalogEntry> read = readFacts(missing);
            // compute is atomic with forget's remove: an entry either lands before a change removes it, or is left out.
            read.forEach((id, entry) -> cached.compute(id, (key, old) -> changed.contains(key) ? old : entry));
        } finally {
            changedDuringRead = null;
        }
    }

    private Map<String, CatalogEntry> readFacts(List<Layer> layers) {
        var bounds = extents.read(layers);
        Map<String, VersionSpan> spans = openData.versionSpans(layers);
        var recorded = sources.of(layers.stream().map(Layer::id).toList());
        Map<String, CatalogEntry> read = new HashMap<>();
        for (Layer layer : layers) {
            Optional<VersionSpan> span = Optional.ofNullable(spans.get(layer.id()));
            Optional<Instant> issued = span.map(VersionSpan::oldest);
            Optional<Instant> modified = span.map(VersionSpan::current);
            read.put(layer.id(), new CatalogEntry(layer, bounds.get(layer.id()).map(Extent::of), issued, modified,
                    recorded.getOrDefault(layer.id(), List.of()), temporal.of(layer, issued, modified)));
        }
        return read;
    }
}
