package org.chizu.safety;

import java.util.List;

import org.chizu.platform.Label;
import org.chizu.safety.SafetyAnswer.Coverage;
import org.chizu.safety.SafetyAnswer.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Whether a place lies in a municipality this platform serves (table {@code municipalities},
 * 行政区域). A platform that has loaded no boundaries yet serves everywhere, so that a town's
 * hazard data answers before its boundary is imported.
 */
@Repository
class ServedArea {

    private final JdbcTemplate jdbc;

    ServedArea(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Coverage of(Place place) {
        List<Municipality> containing = jdbc.query("""
                select code, name_ja, name_en from municipalities
                where st_covers(geom, st_transform(st_setsrid(st_makepoint(?, ?), 4326), 6668))
                order by code limit 1""",
                (rs, i) -> new Municipality(rs.getString(1), new Label(rs.getString(2), rs.getString(3))),
                place.lon(), place.lat());
        if (!containing.isEmpty()) {
            return new Coverage(true, containing.getFirst());
        }
        boolean anyLoaded = Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from municipalities)", Boolean.class));
        return new Coverage(!anyLoaded, null);
    }
}
