package org.chizu.counters;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.SqlIdentifiers;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Facilities of the facilities layer as places (name, address, position), read through the layer registry. */
@Component
class FacilityPlaces {

    private final NamedParameterJdbcTemplate jdbc;
    private final LayerRegistry registry;

    FacilityPlaces(NamedParameterJdbcTemplate jdbc, LayerRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** The places of those facilities that exist, by facility id. */
    Map<Long, Office.Place> of(Collection<Long> facilityIds) {
        Map<Long, Office.Place> places = new HashMap<>();
        if (facilityIds.isEmpty()) {
            return places;
        }
        Layer facilities = registry.find(Offices.FACILITIES)
                .orElseThrow(() -> new IllegalStateException("counters need the layer " + Offices.FACILITIES));
        String id = SqlIdentifiers.quote(facilities.idColumn());
        String geometry = SqlIdentifiers.quote(facilities.geometry().column());
        jdbc.query("select %s as id, %s as name, %s as address, st_x(%s) as lon, st_y(%s) as lat from %s where %s in (:ids)"
                        .formatted(id, SqlIdentifiers.quote("name"), SqlIdentifiers.quote("address"), geometry, geometry,
                                SqlIdentifiers.quote(facilities.table()), id),
                new MapSqlParameterSource("ids", facilityIds), rs -> {
                    long facility = rs.getLong("id");
                    places.put(facility, new Office.Place(facility, rs.getString("name"), rs.getString("address"),
                            rs.getDouble("lon"), rs.getDouble("lat")));
                });
        return places;
    }

    /** The facility's id by the layer's source_id (a shelter list's 共通ID), or null when there is none. */
    Long bySourceId(String sourceId) {
        Layer facilities = registry.find(Offices.FACILITIES)
                .orElseThrow(() -> new IllegalStateException("counters need the layer " + Offices.FACILITIES));
        String id = SqlIdentifiers.quote(facilities.idColumn());
        return jdbc.queryForList("select %s from %s where %s = :source order by %s limit 1".formatted(id,
                        SqlIdentifiers.quote(facilities.table()), SqlIdentifiers.quote("source_id"), id),
                new MapSqlParameterSource("source", sourceId), Long.class).stream().findFirst().orElse(null);
    }
}
