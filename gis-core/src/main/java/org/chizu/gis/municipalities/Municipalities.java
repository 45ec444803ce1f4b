package org.chizu.gis.municipalities;

import java.util.Optional;

import org.chizu.platform.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The municipal boundaries the platform serves (行政区域, gis-core's table {@code municipalities}),
 * for modules that ask where a place lies instead of reading the table.
 */
@Repository
public class Municipalities {

    private final JdbcTemplate jdbc;

    public Municipalities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The municipality whose boundary covers a WGS 84 point; on a shared border, the one with the
     * lowest code.
     *
     * @return empty outside every loaded boundary
     */
    public Optional<Municipality> containing(double lon, double lat) {
        return jdbc.query("""
                select code, name_ja, name_en from municipalities
                where st_covers(geom, st_transform(st_setsrid(st_makepoint(?, ?), 4326), 6668))
                order by code limit 1""",
                (rs, i) -> new Municipality(rs.getString(1), new Label(rs.getString(2), rs.getString(3))),
                lon, lat).stream().findFirst();
    }

    /** Whether any boundary is loaded at all: a platform without them yet serves everywhere. */
    public boolean anyLoaded() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from municipalities)", Boolean.class));
    }
}
