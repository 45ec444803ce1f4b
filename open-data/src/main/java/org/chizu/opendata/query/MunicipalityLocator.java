package org.chizu.opendata.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds the municipality (table {@code municipalities}) each geometry lies in, in PostGIS: the
 * geometries of a batch go to the database as one array, and the GiST index on the boundaries
 * answers them in one statement.
 */
@Service
public class MunicipalityLocator {

    /** A municipality as the boundaries table names it. */
    public record Municipality(String code, String nameJa) {
    }

    private final JdbcTemplate jdbc;

    public MunicipalityLocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The municipality of each geometry, in the order given: the one covering the geometry's point
     * on surface, empty where none does or the geometry is null. Geometries carry their SRID.
     */
    public List<Optional<Municipality>> locate(List<Geometry> geometries) {
        List<Optional<Municipality>> found = new ArrayList<>(geometries.size());
        String[] wkt = new String[geometries.size()];
        Integer[] srid = new Integer[geometries.size()];
        for (int i = 0; i < geometries.size(); i++) {
            Geometry geometry = geometries.get(i);
            wkt[i] = geometry == null ? null : geometry.toText();
            srid[i] = geometry == null ? null : geometry.getSRID();
            found.add(Optional.empty());
        }
        if (geometries.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select p.n, m.code, m.name_ja
                from unnest(?::text[], ?::int[]) with ordinality as p(wkt, srid, n)
                join lateral (
                    select code, name_ja from municipalities
                    where ST_Covers(geom, ST_Transform(ST_PointOnSurface(ST_GeomFromText(p.wkt, p.srid)), 6668))
                    order by code limit 1) m on true
                where p.wkt is not null
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", wkt));
            statement.setArray(2, statement.getConnection().createArrayOf("int4", srid));
        }, row -> {
            found.set(row.getInt(1) - 1, Optional.of(new Municipality(row.getString(2), row.getString(3))));
        });
        return found;
    }
}
