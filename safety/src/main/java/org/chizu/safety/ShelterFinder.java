package org.chizu.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.chizu.platform.Label;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The nearest shelters to a place: designated shelters (指定避難所) and emergency evacuation sites
 * (指定緊急避難場所) from layer {@code facilities}. While any shelter is open, only open ones count.
 */
@Repository
public class ShelterFinder {

    private static final String LAYER = "facilities";
    private static final String NEAREST = read("nearest-shelters.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final ShelterOpenings openings;
    private final RegistryLabels labels;
    private final SafetyProperties properties;

    ShelterFinder(NamedParameterJdbcTemplate jdbc, ShelterOpenings openings, RegistryLabels labels,
                  SafetyProperties properties) {
        this.jdbc = jdbc;
        this.openings = openings;
        this.labels = labels;
        this.properties = properties;
    }

    /**
     * The {@code chizu.safety.shelter-count} nearest shelters, those designated for every hazard in
     * {@code exposure} first (nearest first), then the nearest others.
     */
    public ShelterChoice nearest(Place place, Set<Hazard> exposure) {
        ShelterChoice.Basis basis = openings.anyOpen() ? ShelterChoice.Basis.OPEN : ShelterChoice.Basis.DESIGNATED;
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("lon", place.lon())
                .addValue("lat", place.lat())
                .addValue("openOnly", basis == ShelterChoice.Basis.OPEN)
                .addValue("landslide", exposure.contains(Hazard.LANDSLIDE))
                .addValue("flood", exposure.contains(Hazard.FLOOD))
                .addValue("tsunami", exposure.contains(Hazard.TSUNAMI))
                .addValue("limit", properties.shelterCount());
        List<Shelter> shelters = jdbc.query(NEAREST, parameters, (rs, i) -> {
            double metres = rs.getDouble("distance_m");
            return new Shelter(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                    labels.value(LAYER, "kind", rs.getString("kind")),
                    rs.getString("address"), (Integer) rs.getObject("capacity"),
                    rs.getBoolean("is_open"), rs.getBoolean("suitable"),
                    metres, properties.walkingMinutes(metres),
                    rs.getDouble("lon"), rs.getDouble("lat"));
        });
        List<Label> preferredFor = exposure.stream().sorted()
                .map(h -> labels.attributeLabel(LAYER, h.shelterFlag())).toList();
        return new ShelterChoice(basis, basis.label(), preferredFor, shelters);
    }

    private static String read(String name) {
        try {
            return new ClassPathResource(name, ShelterFinder.class).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
