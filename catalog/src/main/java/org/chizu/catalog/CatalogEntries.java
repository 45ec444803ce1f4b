package org.chizu.catalog;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.chizu.gis.layer.Audience;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerExtents;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.LayerSources;
import org.chizu.opendata.version.LayerVersion;
import org.chizu.opendata.version.LayerVersions;
import org.springframework.stereotype.Service;

/**
 * The catalog's entries, derived from the layer registry and the data on every call, never
 * maintained by hand. Only layers the anonymous public may see are listed.
 */
@Service
public class CatalogEntries {

    private final LayerRegistry registry;
    private final LayerVersions versions;
    private final LayerSources sources;
    private final LayerExtents extents;
    private final TemporalCoverage temporal;

    CatalogEntries(LayerRegistry registry, LayerVersions versions, LayerSources sources, LayerExtents extents,
            TemporalCoverage temporal) {
        this.registry = registry;
        this.versions = versions;
        this.sources = sources;
        this.extents = extents;
        this.temporal = temporal;
    }

    /** Every public layer's entry, in the registry's order. */
    public List<CatalogEntry> all() {
        return registry.visibleTo(Audience.PUBLIC).stream().map(this::entry).toList();
    }

    /**
     * The entry of one public layer.
     *
     * @throws org.chizu.gis.layer.UnknownLayerException when there is no public layer with this id
     */
    public CatalogEntry get(String id) {
        return entry(registry.require(id, Audience.PUBLIC));
    }

    /** The ids of the public layers, in the registry's order, without reading their data. */
    public List<String> ids() {
        return registry.visibleTo(Audience.PUBLIC).stream().map(Layer::id).toList();
    }

    /** The number of public layers, without reading their data. */
    public int count() {
        return registry.visibleTo(Audience.PUBLIC).size();
    }

    /** The entries of the public layers from {@code offset}, at most {@code limit}, in the registry's order. */
    public List<CatalogEntry> page(int offset, int limit) {
        return registry.visibleTo(Audience.PUBLIC).stream().skip(offset).limit(limit).map(this::entry).toList();
    }

    private CatalogEntry entry(Layer layer) {
        Optional<Instant> modified = versions.current(layer).map(LayerVersion::time);
        Optional<Instant> issued = versions.list(layer).stream().min(Comparator.naturalOrder())
                .map(LayerVersion::time).or(() -> modified);
        return new CatalogEntry(layer, extents.of(layer).map(Extent::of), issued, modified, sources.of(layer.id()),
                temporal.of(layer, issued, modified));
    }
}
