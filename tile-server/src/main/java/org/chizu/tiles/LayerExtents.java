package org.chizu.tiles;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The longitude/latitude box of each layer's data (JGD2011, which maps and TileJSON may treat as
 * WGS 84: the two differ by centimetres), kept until the layer's data changes.
 */
@Component
public class LayerExtents {

    private static final String EXTENT_SQL = """
            select st_xmin(extent), st_ymin(extent), st_xmax(extent), st_ymax(extent)
            from (select st_extent({geometry}) as extent from {table}) as box
            where extent is not null""";

    private final JdbcTemplate jdbc;
    private final Map<String, Optional<Bounds>> byLayer = new ConcurrentHashMap<>();

    LayerExtents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The layer's extent; empty when the layer has no features. */
    public Optional<Bounds> of(Layer layer) {
        return byLayer.computeIfAbsent(layer.id(), id -> jdbc.query(
                EXTENT_SQL.replace("{geometry}", '"' + layer.geometry().column() + '"')
                        .replace("{table}", '"' + layer.table() + '"'),
                rs -> rs.next() ? Optional.of(new Bounds(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
                        : Optional.<Bounds>empty()));
    }

    /** The union of the layers' extents; empty when none has features. */
    public Optional<Bounds> of(Tileset tileset) {
        return tileset.layers().stream().map(this::of).flatMap(Optional::stream).reduce((a, b) -> new Bounds(
                Math.min(a.minLon(), b.minLon()), Math.min(a.minLat(), b.minLat()),
                Math.max(a.maxLon(), b.maxLon()), Math.max(a.maxLat(), b.maxLat())));
    }

    void forget(String layerId) {
        byLayer.remove(layerId);
    }
}
