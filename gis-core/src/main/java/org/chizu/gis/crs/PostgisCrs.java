package org.chizu.gis.crs;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The coordinate systems PostGIS can transform between: its {@code spatial_ref_sys} table. */
@Repository
public class PostgisCrs {

    private final JdbcTemplate jdbc;

    public PostgisCrs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The system with this EPSG code, or empty when PostGIS does not know it. */
    public Optional<Crs> find(int srid) {
        return jdbc.query("""
                select srid,
                       coalesce(substring(srtext from '^[A-Z]+\\["([^"]+)"'), auth_name || ':' || auth_srid) as name,
                       srtext like 'GEOGCS%' as geographic
                from spatial_ref_sys
                where srid = ?""",
                (rs, i) -> new Crs(rs.getInt("srid"), rs.getString("name"), rs.getBoolean("geographic")),
                srid).stream().findFirst();
    }
}
