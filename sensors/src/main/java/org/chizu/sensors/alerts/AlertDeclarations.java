package org.chizu.sensors.alerts;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.chizu.sensors.quality.QualityRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks what a SensorThings client declares for quality control and alerts when it writes it, so
 * that a mistake is refused then, not found later by a silent gauge: a Datastream's
 * {@code properties.quality} and {@code properties.thresholds}, a Thing's {@code properties.hazardZones}.
 */
@Component
public class AlertDeclarations {

    private final JdbcTemplate jdbc;

    AlertDeclarations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws IllegalArgumentException naming what cannot be read in a Datastream's properties */
    public void checkDatastream(JsonNode properties) {
        if (properties != null && properties.isObject()) {
            QualityRules.of(properties.get("quality"));
            Thresholds.of(properties.get("thresholds"));
        }
    }

    /** @throws IllegalArgumentException when a Thing's {@code hazardZones} is not a list of ids of layer hazard_zones */
    public void checkThing(JsonNode properties) {
        JsonNode zones = properties == null ? null : properties.get("hazardZones");
        if (zones == null || zones.isNull()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        zones.forEach(zone -> ids.add(zone.canConvertToLong() && zone.isIntegralNumber() ? zone.longValue() : null));
        if (!zones.isArray() || ids.contains(null)) {
            throw new IllegalArgumentException("hazardZones must list ids of layer hazard_zones, such as [12, 15]");
        }
        List<Long> known = jdbc.queryForList("select id from hazard_zones where id = any(?)", Long.class, (Object) ids.toArray(Long[]::new));
        ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("hazardZones names " + id + ", which is no feature of layer hazard_zones");
        });
    }
}
