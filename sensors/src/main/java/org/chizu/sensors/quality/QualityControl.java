package org.chizu.sensors.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.chizu.sensors.Observations;
import org.chizu.sensors.ObservationsAppended;
import org.chizu.sensors.internal.StoredValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks every appended batch against its datastreams' {@link QualityRules}, in the append's
 * transaction: one query reads each datastream's rules and the valid readings just before the batch,
 * the checks walk the batch in time order (a reading is compared with the previous <em>valid</em>
 * one, which a set-based window cannot express), and one statement writes the flags. The latest
 * value of a datastream whose newest reading was flagged falls back to its newest valid one.
 *
 * <p>A plain (synchronous) listener, not a before-commit one: alerts raised from the checked readings
 * publish live events, which must join a transaction that is still running.
 */
@Component
class QualityControl {

    private static final Logger log = LoggerFactory.getLogger(QualityControl.class);

    private static final String CONTEXT = """
            select d.id, d.properties -> 'quality', previous.time, previous.value, run.readings, run.since
            from unnest(?::bigint[], ?::timestamptz[]) as batch(datastream_id, first_time)
            join sta_datastream d on d.id = batch.datastream_id
            left join lateral (
                select o.phenomenon_time_start as time, o.result_number as value from sta_observation o
                where o.datastream_id = d.id and o.phenomenon_time_start < batch.first_time
                  and o.result_number is not null and not sta_flagged(o.result_quality)
                order by o.phenomenon_time_start desc limit 1) previous on true
            left join lateral (
                select count(*) as readings, min(o.phenomenon_time_start) as since from sta_observation o
                where (d.properties -> 'quality') ??| array['stuckCount', 'stuckMinutes']
                  and o.datastream_id = d.id and o.phenomenon_time_start < batch.first_time
                  and o.result_number = previous.value and not sta_flagged(o.result_quality)
                  and o.phenomenon_time_start > coalesce((
                      select other.phenomenon_time_start from sta_observation other
                      where other.datastream_id = d.id and other.phenomenon_time_start < batch.first_time
                        and other.result_number <> previous.value and not sta_flagged(other.result_quality)
                      order by other.phenomenon_time_start desc limit 1), '-infinity')) run on true""";

    private static final String FLAG = """
            update sta_observation o
            set result_quality = (case when jsonb_typeof(o.result_quality) = 'object' then o.result_quality
                                       when o.result_quality is null then '{}'::jsonb
                                       else jsonb_build_object('reported', o.result_quality) end)
                                 || jsonb_build_object('qualityFlags', flagged.flags::jsonb)
            from unnest(?::bigint[], ?::timestamptz[], ?::text[]) as flagged(id, time, flags)
            where o.id = flagged.id and o.phenomenon_time_start = flagged.time""";

    private final JdbcTemplate jdbc;
    private final Observations observations;
    private final ApplicationEventPublisher events;

    QualityControl(JdbcTemplate jdbc, Observations observations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.observations = observations;
        this.events = events;
    }

    @EventListener
    void check(ObservationsAppended appended) {
        Map<Long, List<ObservationsAppended.Stored>> byDatastream = new LinkedHashMap<>();
        Set<Long> flaggedBySender = new LinkedHashSet<>();
        for (ObservationsAppended.Stored stored : appended.observations()) {
            if (flaggedBySender(stored.observation().resultQuality())) {
                flaggedBySender.add(stored.id());
            }
            byDatastream.computeIfAbsent(stored.observation().datastreamId(), id -> new ArrayList<>()).add(stored);
        }
        byDatastream.values().forEach(readings -> readings.sort(Comparator
                .comparing((ObservationsAppended.Stored stored) -> stored.observation().phenomenonTime().start())
                .thenComparing(ObservationsAppended.Stored::id)));

        List<QualityChecked.ValidReading> valid = new ArrayList<>();
        Map<ObservationsAppended.Stored, List<QualityFlag>> flags = new LinkedHashMap<>();
        Map<Long, Context> contexts = contexts(byDatastream);
        byDatastream.forEach((datastream, readings) -> {
            Context context = contexts.get(datastream);
            for (ObservationsAppended.Stored stored : readings) {
                JsonNode result = stored.observation().result();
                if (!result.isNumber() || flaggedBySender.contains(stored.id())) {
                    continue;
                }
                Instant time = stored.observation().phenomenonTime().start();
                List<QualityFlag> failed = context.check(time, result.doubleValue());
                if (failed.isEmpty()) {
                    context.accept(time, result.doubleValue());
                    valid.add(new QualityChecked.ValidReading(datastream, stored.id(), time, result.doubleValue()));
                } else {
                    flags.put(stored, failed);
                }
            }
        });
        write(flags);
        Set<Long> notValid = new LinkedHashSet<>(flaggedBySender);
        flags.keySet().forEach(stored -> notValid.add(stored.id()));
        keepLatestValid(notValid);
        events.publishEvent(new QualityChecked(List.copyOf(valid), Set.copyOf(byDatastream.keySet())));
    }

    /** What the checks of each datastream start from: its rules and its valid readings just before the batch. */
    private Map<Long, Context> contexts(Map<Long, List<ObservationsAppended.Stored>> byDatastream) {
        Long[] datastreams = byDatastream.keySet().toArray(Long[]::new);
        String[] firstTimes = byDatastream.values().stream()
                .map(readings -> readings.getFirst().observation().phenomenonTime().start().toString()).toArray(String[]::new);
        Map<Long, Context> contexts = new HashMap<>();
        jdbc.query(CONTEXT, row -> {
            Context context = new Context(rules(row.getLong(1), row.getString(2)));
            Instant previous = StoredValues.instant(row, 3);
            if (previous != null) {
                context.previousTime = previous;
                context.previousValue = row.getDouble(4);
                context.runLength = row.getInt(5);
                context.runSince = StoredValues.instant(row, 6);
            }
            contexts.put(row.getLong(1), context);
        }, datastreams, firstTimes);
        return contexts;
    }

    /** The declared rules; one that cannot be read (stored before writes were checked) checks nothing, said once per batch. */
    private static QualityRules rules(long datastream, String declared) {
        try {
            return QualityRules.of(StoredValues.json(declared));
        } catch (IllegalArgumentException e) {
            log.warn("Datastreams({}) declares quality checks that cannot be read, so none are made: {}", datastream, e.getMessage());
            return QualityRules.of(null);
        }
    }

    private void write(Map<ObservationsAppended.Stored, List<QualityFlag>> flags) {
        if (flags.isEmpty()) {
            return;
        }
        List<ObservationsAppended.Stored> flagged = List.copyOf(flags.keySet());
        Long[] ids = flagged.stream().map(ObservationsAppended.Stored::id).toArray(Long[]::new);
        String[] times = flagged.stream().map(stored -> stored.observation().phenomenonTime().start().toString()).toArray(String[]::new);
        String[] codes = flagged.stream().map(stored -> flags.get(stored).stream().map(flag -> '"' + flag.code() + '"')
                .reduce((a, b) -> a + "," + b).map(list -> "[" + list + "]").orElseThrow()).toArray(String[]::new);
        jdbc.update(FLAG, ids, times, codes);
    }

    private void keepLatestValid(Set<Long> notValid) {
        if (notValid.isEmpty()) {
            return;
        }
        jdbc.queryForList("select datastream_id from sta_latest_observation where observation_id = any(?)", Long.class,
                (Object) notValid.toArray(Long[]::new)).forEach(observations::refreshLatest);
    }

    /** A sender may flag its own reading; quality control then takes it as flagged too. */
    private static boolean flaggedBySender(JsonNode resultQuality) {
        return resultQuality != null && resultQuality.isObject() && resultQuality.has("qualityFlags");
    }

    /** One datastream's rules and the valid readings the next one is compared with. */
    private static final class Context {

        final QualityRules rules;
        Instant previousTime;
        double previousValue;
        int runLength;
        Instant runSince;

        Context(QualityRules rules) {
            this.rules = rules;
        }

        List<QualityFlag> check(Instant time, double value) {
            List<QualityFlag> failed = new ArrayList<>();
            if ((rules.min() != null && value < rules.min()) || (rules.max() != null && value > rules.max())) {
                failed.add(QualityFlag.RANGE);
            }
            if (rules.maxChangePerMinute() != null && previousTime != null && time.isAfter(previousTime)
                    && Math.abs(value - previousValue) / minutes(previousTime, time) > rules.maxChangePerMinute()) {
                failed.add(QualityFlag.RATE_OF_CHANGE);
            }
            if (rules.checksFlatLine() && previousTime != null && value == previousValue
                    && ((rules.stuckCount() != null && runLength + 1 >= rules.stuckCount())
                        || (rules.stuckMinutes() != null && minutes(runSince, time) >= rules.stuckMinutes()))) {
                failed.add(QualityFlag.FLAT_LINE);
            }
            return failed;
        }

        void accept(Instant time, double value) {
            if (previousTime != null && value == previousValue) {
                runLength++;
            } else {
                runLength = 1;
                runSince = time;
            }
            previousTime = time;
            previousValue = value;
        }

        private static double minutes(Instant from, Instant to) {
            return Duration.between(from, to).toMillis() / 60_000.0;
        }
    }
}
