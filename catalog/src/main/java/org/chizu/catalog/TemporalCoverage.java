package org.chizu.catalog;

import static org.chizu.gis.layer.SqlIdentifiers.quote;

import java.sql.Date;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.chizu.gis.layer.Layer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The period a layer's data covers. A layer that declares which date attribute its data is about
 * ({@code temporal:} in its YAML) covers its earliest to its latest value of it, read from PostGIS.
 * Otherwise, or while no feature has such a date, the period is the one its recorded versions span
 * (first to current), in Japan's calendar: the time the data is known to have been kept as it is.
 */
@Component
class TemporalCoverage {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Identifiers come from the layer registry, which checked them against the database. */
    private static final String RANGE_SQL = """
            select min({attribute}), max({attribute}) from {table}
            """;

    private final JdbcTemplate jdbc;

    TemporalCoverage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param issued   the layer's oldest recorded version
     * @param modified its current version
     * @return empty when the layer declares no date attribute (or none has a value) and has no version
     */
    Optional<Period> of(Layer layer, Optional<Instant> issued, Optional<Instant> modified) {
        return declared(layer).or(() -> issued.flatMap(first -> modified.map(last ->
                new Period(first.atZone(JAPAN).toLocalDate(), last.atZone(JAPAN).toLocalDate()))));
    }

    private Optional<Period> declared(Layer layer) {
        if (layer.temporal() == null) {
            return Optional.empty();
        }
        String sql = RANGE_SQL.replace("{attribute}", quote(layer.temporal().attribute())).replace("{table}", quote(layer.table()));
        return jdbc.query(sql, rs -> {
            rs.next();
            Date first = rs.getDate(1);
            Date last = rs.getDate(2);
            return first == null ? Optional.<Period>empty() : Optional.of(new Period(first.toLocalDate(), last.toLocalDate()));
        });
    }
}
