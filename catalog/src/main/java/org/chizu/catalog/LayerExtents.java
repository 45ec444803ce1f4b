package org.chizu.catalog;

import java.util.Optional;

import org.chizu.gis.layer.Layer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The extent of each layer's data, computed by PostGIS. */
@Repository
class LayerExtents {

    /** Identifiers come from the layer registry, which checked them against the database. */
    private static final String EXTENT_SQL = """
            select ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)
              from (select ST_Transform(ST_SetSRID(ST_Extent("%s")::geometry, %d), 6668) as box from "%s") extent
             where box is not null
            """;

    private final JdbcTemplate jdbc;

    LayerExtents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The layer's extent in JGD2011 longitude/latitude, or empty when it holds no features. */
    Optional<Extent> of(Layer layer) {
        String sql = EXTENT_SQL.formatted(layer.geometry().column(), layer.geometry().srid(), layer.table());
        return jdbc.query(sql, (row, n) -> new Extent(row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getDouble(4)))
                .stream().findFirst();
    }
}
