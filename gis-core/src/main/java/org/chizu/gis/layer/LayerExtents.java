package org.chizu.gis.layer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The longitude/latitude box of each layer's data in JGD2011 (which maps, TileJSON and catalogs
 * may take as WGS 84 / CRS84: the two differ by centimetres), computed by PostGIS and kept until
 * the layer's data changes.
 */
@Component
public class LayerExtents {

    /**
     * One layer's box, labelled with its position in the batch; identifiers come from the layer
     * registry, which checked them against the database.
     */
    private static final String EXTENT_SQL = """
            select {n}, st_xmin(box), st_ymin(box), st_xmax(box), st_ymax(box)
            from (select st_transform(st_setsrid(st_extent("{geometry}")::geometry, {srid}), 6668) as box
                  from "{table}") as extent
            where box is not null""";
    /** Layers per statement when many are read at once: one round trip per batch, statements of modest size. */
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Map<String, Optional<Bounds>> byLayer = new ConcurrentHashMap<>();

    public LayerExtents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The layer's extent; empty when the layer has no features. */
    public Optional<Bounds> of(Layer layer) {
        return byLayer.computeIfAbsent(layer.id(), id -> read(List.of(layer)).get(id));
    }

    /**
     * The layers' extents read from the database now, past the cache, in a few statements (one
     * per {@value #BATCH} layers) rather than one per layer; by layer id, empty for a layer without features.
     */
    public Map<String, Optional<Bounds>> read(Collection<Layer> layers) {
        List<Layer> list = List.copyOf(layers);
        Map<String, Optional<Bounds>> extents = new HashMap<>();
        list.forEach(layer -> extents.put(layer.id(), Optional.empty()));
        for (int from = 0; from < list.size(); from += BATCH) {
            List<String> selects = new ArrayList<>();
            for (int n = from; n < Math.min(from + BATCH, list.size()); n++) {
                Layer layer = list.get(n);
                selects.add(EXTENT_SQL.replace("{n}", Integer.toString(n))
                        .replace("{geometry}", layer.geometry().column())
                        .replace("{srid}", Integer.toString(layer.geometry().srid()))
                        .replace("{table}", layer.table()));
            }
            jdbc.query(String.join("\nunion all\n", selects), rs -> {
                extents.put(list.get(rs.getInt(1)).id(),
                        Optional.of(new Bounds(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))));
            });
        }
        return extents;
    }

    /** The union of the layers' extents; empty when none has features. */
    public Optional<Bounds> union(Collection<Layer> layers) {
        return layers.stream().map(this::of).flatMap(Optional::stream).reduce((a, b) -> new Bounds(
                Math.min(a.minLon(), b.minLon()), Math.min(a.minLat(), b.minLat()),
                Math.max(a.maxLon(), b.maxLon()), Math.max(a.maxLat(), b.maxLat())));
    }

    @EventListener
    void forget(LayerDataChanged change) {
        byLayer.remove(change.layerId());
    }
}
