package org.chizu.sensors.readings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chizu.platform.Label;
import org.chizu.sensors.alerts.Thresholds;
import org.chizu.sensors.internal.StoredValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the public map's sensors and their last day from the latest values and observations. */
@Component
class SensorReadings {

    private static final Logger log = LoggerFactory.getLogger(SensorReadings.class);

    /** The datastreams that declare thresholds, at their Thing's first location, with latest value and open threshold alert. */
    private static final String SENSORS = """
            select d.id, t.name, d.properties -> 'thresholds', d.unit_of_measurement ->> 'symbol', st_x(p.at), st_y(p.at),
                   latest.result_number, latest.phenomenon_time_start, a.level
            from sta_datastream d
            join sta_thing t on t.id = d.thing_id
            cross join lateral (select st_pointonsurface(l.location) as at from sta_thing_location tl
                                join sta_location l on l.id = tl.location_id
                                where tl.thing_id = t.id and l.location is not null order by l.id limit 1) p
            left join sta_latest_observation latest on latest.datastream_id = d.id
            left join sensor_alert a on a.datastream_id = d.id and a.kind = 'threshold' and a.cleared_at is null
            where d.properties ?? 'thresholds'
            order by d.id""";

    private static final String DAY = """
            select o.phenomenon_time_start, o.result_number
            from sta_latest_observation latest
            join sta_observation o on o.datastream_id = latest.datastream_id
                 and o.phenomenon_time_start > latest.phenomenon_time_start - interval '24 hours'
                 and o.phenomenon_time_start <= latest.phenomenon_time_start
            where latest.datastream_id = ? and o.result_number is not null and not sta_flagged(o.result_quality)
            order by o.phenomenon_time_start, o.id""";

    private final JdbcTemplate jdbc;

    SensorReadings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every public sensor, by datastream id; one whose thresholds do not read is left out (and logged). */
    List<SensorReading> all() {
        List<SensorReading> found = new ArrayList<>();
        jdbc.query(SENSORS, row -> {
            long datastream = row.getLong(1);
            Optional<Thresholds> declared;
            try {
                declared = Thresholds.of(StoredValues.json(row.getString(3)));
            } catch (IllegalArgumentException e) {
                log.warn("Datastreams({}) declares thresholds that cannot be read, so the map leaves it out: {}", datastream, e.getMessage());
                return;
            }
            Thresholds thresholds = declared.orElseThrow();
            Double value = (Double) row.getObject(7);
            Integer alertLevel = (Integer) row.getObject(9);
            int level = alertLevel != null ? alertLevel : value == null ? 0 : thresholds.levelAfter(0, value);
            Label levelName = level == 0 ? null : thresholds.level(level).name();
            found.add(new SensorReading(datastream, row.getString(2), thresholds.scheme().observes(), thresholds.scheme().code(),
                    row.getString(4), row.getDouble(5), row.getDouble(6), value, StoredValues.instant(row, 8), level, levelName,
                    thresholds.levels().stream().map(Thresholds.Level::line).toList()));
        });
        return found;
    }

    /** The day of readings of a public sensor, or empty when there is no such sensor. */
    Optional<DayOfReadings> lastDay(long datastreamId) {
        List<String> unit = jdbc.queryForList("""
                select coalesce(unit_of_measurement ->> 'symbol', '') from sta_datastream where id = ? and properties ?? 'thresholds'""",
                String.class, datastreamId);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        jdbc.query(DAY, row -> {
            times.add(StoredValues.instant(row, 1));
            values.add(row.getDouble(2));
        }, datastreamId);
        return Optional.of(new DayOfReadings(datastreamId, unit.getFirst(), times, values));
    }
}
