package org.chizu.gis.postgis;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads which PostgreSQL, PostGIS, GEOS and PROJ the application is talking to. */
@Component
public class PostgisVersions {

    /**
     * @param postgres the server version ("15.18 (Debian 15.18-0+deb12u1)")
     * @param postgis  the PostGIS library version ("3.3.2")
     * @param geos     the GEOS version behind PostGIS
     * @param proj     the PROJ version behind PostGIS
     */
    public record Versions(String postgres, String postgis, String geos, String proj) {
    }

    private final JdbcTemplate jdbc;

    public PostgisVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Versions read() {
        return jdbc.queryForObject("""
                select current_setting('server_version'), postgis_lib_version(),
                       postgis_geos_version(), postgis_proj_version()""",
                (rs, i) -> new Versions(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }
}
