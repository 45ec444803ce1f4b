package org.chizu.safety;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which hazard zones contain a place, answered by PostGIS on the zones' GiST index. */
@Repository
public class HazardZoneLookup {

    private static final String LAYER = "hazard_zones";

    private final JdbcTemplate jdbc;
    private final RegistryLabels labels;

    HazardZoneLookup(JdbcTemplate jdbc, RegistryLabels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    /**
     * The zones whose area covers the place (its boundary included), in the order they were
     * recorded; empty when none does.
     */
    public List<HazardZone> zonesContaining(Place place) {
        return jdbc.query("""
                select id, kind, name, flood_depth_class
                from hazard_zones
                where st_covers(geom, st_transform(st_setsrid(st_makepoint(?, ?), 4326), 6668))
                order by id""",
                (rs, i) -> new HazardZone(rs.getLong("id"), rs.getString("kind"),
                        labels.value(LAYER, "kind", rs.getString("kind")),
                        rs.getString("name"),
                        labels.value(LAYER, "flood_depth_class", rs.getString("flood_depth_class"))),
                place.lon(), place.lat());
    }
}
