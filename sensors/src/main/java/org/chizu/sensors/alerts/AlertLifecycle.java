package org.chizu.sensors.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.events.LiveEvents;
import org.chizu.sensors.internal.StoredValues;
import org.chizu.sensors.quality.QualityChecked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises, updates and clears alerts, logs every step and announces it on live topic
 * {@value #TOPIC} and, inside the step's transaction, as an {@link AlertTransition} application event
 * (e-mails to subscribers, webhooks). Threshold alerts follow the valid readings of each append, in its transaction;
 * concurrent appends to one datastream take turns already (each append updates the datastream's row),
 * so each sees the alert the one before left.
 */
@Component
public class AlertLifecycle {

    /** The public live topic of alert steps, for the public map. */
    public static final String TOPIC = "alerts";

    private static final Logger log = LoggerFactory.getLogger(AlertLifecycle.class);

    private final JdbcTemplate jdbc;
    private final LiveEvents liveEvents;
    private final ApplicationEventPublisher events;

    AlertLifecycle(JdbcTemplate jdbc, LiveEvents liveEvents, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.liveEvents = liveEvents;
        this.events = events;
    }

    /** Moves each datastream's threshold alert through the batch's valid readings, in time order; clears missing-reading alerts of datastreams heard from. */
    @EventListener
    void follow(QualityChecked checked) {
        if (!checked.heardFrom().isEmpty()) {
            clearMissing(checked.heardFrom().toArray(Long[]::new));
        }
        Map<Long, List<QualityChecked.ValidReading>> byDatastream = new LinkedHashMap<>();
        checked.valid().forEach(reading -> byDatastream.computeIfAbsent(reading.datastreamId(), id -> new ArrayList<>()).add(reading));
        if (byDatastream.isEmpty()) {
            return;
        }
        Map<Long, Watch> watches = new HashMap<>();
        jdbc.query("""
                select d.id, d.properties -> 'thresholds', a.id, a.level, a.observed_at
                from sta_datastream d
                left join sensor_alert a on a.datastream_id = d.id and a.kind = 'threshold' and a.cleared_at is null
                where d.id = any(?) and d.properties ?? 'thresholds'""", row -> {
            long datastream = row.getLong(1);
            Long alert = (Long) row.getObject(3);
            int level = row.getInt(4);
            Instant lastChange = StoredValues.instant(row, 5);
            try {
                Thresholds.of(StoredValues.json(row.getString(2)))
                        .ifPresent(thresholds -> watches.put(datastream, new Watch(thresholds, alert, level, lastChange)));
            } catch (IllegalArgumentException e) {
                log.warn("Datastreams({}) declares thresholds that cannot be read, so it raises no alerts: {}", datastream, e.getMessage());
            }
        }, (Object) byDatastream.keySet().toArray(Long[]::new));
        watches.forEach((datastream, watch) -> {
            for (QualityChecked.ValidReading reading : byDatastream.get(datastream)) {
                if (watch.lastChange == null || reading.time().isAfter(watch.lastChange)) {
                    watch.follow(datastream, reading);
                }
            }
        });
    }

    /**
     * Raises a missing-readings alert for every datastream that declares {@code quality.missingAfterMinutes}
     * and has had no reading for that long at {@code now}; returns how many it raised. Datastreams being
     * appended to at that moment are skipped: they are not silent.
     */
    @Transactional
    public int raiseMissing(Instant now) {
        List<Object[]> silent = jdbc.query("""
                select d.id, d.phenomenon_time_end from sta_datastream d
                where jsonb_typeof(d.properties -> 'quality' -> 'missingAfterMinutes') = 'number'
                  and d.phenomenon_time_end < ?::timestamptz - (d.properties -> 'quality' ->> 'missingAfterMinutes')::float8 * interval '1 minute'
                  and not exists (select 1 from sensor_alert a where a.datastream_id = d.id and a.kind = 'missing' and a.cleared_at is null)
                for update of d skip locked""", (row, n) -> new Object[] {row.getLong(1), StoredValues.instant(row, 2)}, Timestamp.from(now));
        for (Object[] datastream : silent) {
            long alert = jdbc.queryForObject("""
                    insert into sensor_alert (datastream_id, kind, level, level_ja, level_en, observed_at, raised_at, updated_at)
                    values (?, 'missing', 1, ?, ?, ?, clock_timestamp(), clock_timestamp()) returning id""", Long.class,
                    datastream[0], AlertKind.MISSING_NAME.ja(), AlertKind.MISSING_NAME.en(), Timestamp.from((Instant) datastream[1]));
            record(new AlertTransition(alert, (Long) datastream[0], AlertKind.MISSING.code(), "raised", 1, AlertKind.MISSING_NAME,
                    null, (Instant) datastream[1], null));
        }
        return silent.size();
    }

    /**
     * Records that {@code staff} has seen the alert at its current level. Acknowledging again changes
     * nothing; a rise to a higher level asks for a new acknowledgement.
     *
     * @return false when there is no such alert
     */
    @Transactional
    public boolean acknowledge(long alertId, String staff) {
        List<AlertTransition> acknowledged = jdbc.query("""
                update sensor_alert set acknowledged_by = ?, acknowledged_at = clock_timestamp()
                where id = ? and acknowledged_at is null
                returning id, datastream_id, kind, level, level_ja, level_en""", (row, n) -> new AlertTransition(row.getLong(1),
                row.getLong(2), row.getString(3), "acknowledged", row.getInt(4), new Label(row.getString(5), row.getString(6)), null, null, staff),
                staff, alertId);
        acknowledged.forEach(this::record);
        return !acknowledged.isEmpty() || !jdbc.queryForList("select 1 from sensor_alert where id = ?", Integer.class, alertId).isEmpty();
    }

    private void clearMissing(Long[] datastreams) {
        jdbc.query("""
                update sensor_alert set cleared_at = clock_timestamp(), updated_at = clock_timestamp()
                where kind = 'missing' and cleared_at is null and datastream_id = any(?)
                returning id, datastream_id, level, level_ja, level_en, observed_at""", (row, n) -> new AlertTransition(row.getLong(1),
                row.getLong(2), AlertKind.MISSING.code(), "cleared", row.getInt(3), new Label(row.getString(4), row.getString(5)), null,
                StoredValues.instant(row, 6), null), (Object) datastreams).forEach(this::record);
    }

    private void record(AlertTransition step) {
        jdbc.update("""
                insert into sensor_alert_log (alert_id, transition, level, level_ja, level_en, value, observed_at, by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", step.alertId(), step.transition(), step.level(), step.levelName().ja(),
                step.levelName().en(), step.value(), step.observedAt() == null ? null : Timestamp.from(step.observedAt()), step.by());
        liveEvents.publish(TOPIC, step);
        events.publishEvent(step);
    }

    /** One datastream's thresholds and its open alert, followed reading by reading. */
    private final class Watch {

        final Thresholds thresholds;
        Long alert;
        int level;
        Instant lastChange;

        Watch(Thresholds thresholds, Long alert, int level, Instant lastChange) {
            this.thresholds = thresholds;
            this.alert = alert;
            this.level = alert == null ? 0 : level;
            this.lastChange = lastChange;
        }

        void follow(long datastream, QualityChecked.ValidReading reading) {
            int next = thresholds.levelAfter(level, reading.value());
            if (next == level) {
                return;
            }
            Timestamp observed = Timestamp.from(reading.time());
            String transition;
            Label name;
            if (level == 0) {
                transition = "raised";
                name = thresholds.level(next).name();
                alert = jdbc.queryForObject("""
                        insert into sensor_alert (datastream_id, kind, level, level_ja, level_en, value, observed_at, raised_at, updated_at)
                        values (?, 'threshold', ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp()) returning id""", Long.class,
                        datastream, next, name.ja(), name.en(), reading.value(), observed);
            } else if (next == 0) {
                transition = "cleared";
                name = thresholds.level(level).name();
                jdbc.update("""
                        update sensor_alert set value = ?, observed_at = ?, cleared_at = clock_timestamp(), updated_at = clock_timestamp()
                        where id = ?""", reading.value(), observed, alert);
            } else {
                transition = "updated";
                name = thresholds.level(next).name();
                jdbc.update("""
                        update sensor_alert set level = ?, level_ja = ?, level_en = ?, value = ?, observed_at = ?, updated_at = clock_timestamp(),
                            acknowledged_by = case when ? > level then null else acknowledged_by end,
                            acknowledged_at = case when ? > level then null else acknowledged_at end
                        where id = ?""", next, name.ja(), name.en(), reading.value(), observed, next, next, alert);
            }
            record(new AlertTransition(alert, datastream, AlertKind.THRESHOLD.code(), transition, next == 0 ? level : next, name,
                    reading.value(), reading.time(), null));
            level = next;
            lastChange = reading.time();
            if (next == 0) {
                alert = null;
            }
        }
    }
}
