package org.chizu.gis.layer;

import java.util.Collection;
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

    /** Identifiers come from the layer registry, which checked them against the database. */
    private static final String EXTENT_SQL = """
            select st_xmin(box), st_ymin(box), st_xmax(box), st_ymax(box)
            from (select st_transform(st_setsrid(st_extent("{geometry}")::geometry, {srid}), 6668) as box
                  from "{table}") as extent
            where box is not null""";

    private final JdbcTemplate jdbc;
    private final Map<String, Optional<Bounds>> byLayer = new ConcurrentHashMap<>();

    public LayerExtents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The layer's extent; empty when the layer has no features. */
    public Optional<Bounds> of(Layer layer) {
        return byLayer.computeIfAbsent(layer.id(), id -> jdbc.query(
                EXTENT_SQL.replace("{geometry}", layer.geometry().column())
                        .replace("{srid}", Integer.toString(layer.geometry().srid()))
                        .replace("{table}", layer.table()),
                rs -> rs.next() ? Optional.of(new Bounds(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
                        : Optional.<Bounds>empty()));
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
