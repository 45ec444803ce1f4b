package org.chizu.sensors.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.platform.Label;
import org.chizu.sensors.internal.StoredValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads alerts with their areas and logs, for the JSON API and the CAP feed. */
@Component
class AlertQueries {

    private static final String ALERTS = """
            select a.id, a.kind, a.datastream_id, d.name, t.name, d.properties -> 'thresholds' ->> 'scheme', a.level, a.level_ja, a.level_en,
                   a.value, d.unit_of_measurement ->> 'symbol', a.observed_at, a.raised_at, a.updated_at, a.cleared_at,
                   a.acknowledged_by, a.acknowledged_at,
                   exists (select 1 from sensor_alert_log l where l.alert_id = a.id and l.transition = 'updated')
            from sensor_alert a
            join sta_datastream d on d.id = a.datastream_id
            join sta_thing t on t.id = d.thing_id
            """;

    private final JdbcTemplate jdbc;
    private final AlertAreas areas;

    AlertQueries(JdbcTemplate jdbc, AlertAreas areas) {
        this.jdbc = jdbc;
        this.areas = areas;
    }

    /** The alerts not yet cleared, and those cleared since {@code clearedSince} (null: none of those), newest change first. */
    List<Alert> current(Instant clearedSince) {
        List<Alert> found = jdbc.query(ALERTS + " where a.cleared_at is null or a.cleared_at >= ?::timestamptz order by a.updated_at desc, a.id desc",
                row(), clearedSince == null ? "infinity" : clearedSince.toString());
        return withAreas(found);
    }

    /** One alert with its area and whole log. */
    Optional<Alert> one(long id) {
        return withAreas(jdbc.query(ALERTS + " where a.id = ?", row(), id)).stream().findFirst().map(alert -> alert.withLog(log(id)));
    }

    /** The alert's steps, oldest first. */
    List<Alert.Step> log(long alertId) {
        return jdbc.query("""
                select id, transition, level, level_ja, level_en, value, observed_at, at, by
                from sensor_alert_log where alert_id = ? order by id""", (row, n) -> new Alert.Step(row.getLong(1), row.getString(2),
                row.getInt(3), new Label(row.getString(4), row.getString(5)), (Double) row.getObject(6), StoredValues.instant(row, 7),
                StoredValues.instant(row, 8), row.getString(9)), alertId);
    }

    private List<Alert> withAreas(List<Alert> alerts) {
        Map<Long, AlertArea> byDatastream = areas.of(alerts.stream().map(Alert::datastreamId).distinct().toList());
        return alerts.stream().map(alert -> alert.withArea(byDatastream.getOrDefault(alert.datastreamId(), AlertArea.NONE))).toList();
    }

    private static RowMapper<Alert> row() {
        return (row, n) -> {
            String kind = row.getString(2);
            String scheme = AlertKind.ofCode(kind) == AlertKind.THRESHOLD ? row.getString(6) : null;
            Instant cleared = StoredValues.instant(row, 15);
            String state = cleared != null ? "cleared" : row.getBoolean(18) ? "updated" : "raised";
            String by = row.getString(16);
            Label notice = scheme == null ? null : ThresholdScheme.ofCode(scheme).flatMap(ThresholdScheme::notice).orElse(null);
            return new Alert(row.getLong(1), kind, state, row.getLong(3), row.getString(4), row.getString(5), scheme, row.getInt(7),
                    new Label(row.getString(8), row.getString(9)), (Double) row.getObject(10), row.getString(11), StoredValues.instant(row, 12),
                    StoredValues.instant(row, 13), StoredValues.instant(row, 14), cleared,
                    by == null ? null : new Alert.Acknowledgement(by, StoredValues.instant(row, 17)), notice, AlertArea.NONE, null);
        };
    }
}
