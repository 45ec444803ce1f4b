package org.chizu.sensors;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the hourly and daily aggregates (count, sum, minimum, maximum of valid numeric readings) of
 * every datastream. Appends only note the hours they touched ({@code sta_aggregate_pending}, by a
 * trigger, so ingest stays one cheap statement more); {@link #catchUp} remakes those hours from the
 * raw readings and the days around them from their hours. Because an hour is remade whole, a late
 * reading, a flag set afterwards or a deleted reading all end up in it alike. An hour whose raw
 * readings retention has dropped keeps its aggregate and takes late readings in by merging.
 */
@Component
public class ObservationAggregates {

    /** Hours remade in one transaction, so that catching up after a long outage goes in bounded steps. */
    static final int HOURS_PER_STEP = 5_000;

    /** By the rows' physical ids, which PostgreSQL finds directly whatever its statistics of the notes say. */
    private static final String TAKE_PENDING = """
            delete from sta_aggregate_pending
            where ctid = any(array(select ctid from sta_aggregate_pending order by hour limit ? for update skip locked))
            returning datastream_id, hour""";

    /** The valid readings of each taken hour; readings of an hour whose raw was dropped are added to what it had. */
    private static final String REMAKE_HOURS = """
            with taken as (select * from unnest(?::bigint[], ?::timestamptz[]) as t(datastream_id, hour)),
            valid as (
                select t.datastream_id, t.hour, count(o.result_number) as readings, sum(o.result_number) as total,
                       min(o.result_number) as minimum, max(o.result_number) as maximum
                from taken t
                left join sta_observation o on o.datastream_id = t.datastream_id
                     and o.phenomenon_time_start >= t.hour and o.phenomenon_time_start < t.hour + interval '1 hour'
                     and o.result_number is not null and not sta_flagged(o.result_quality)
                group by t.datastream_id, t.hour),
            emptied as (
                delete from sta_observation_aggregate a using valid v
                where v.readings = 0 and a.datastream_id = v.datastream_id and a.period = 'hour' and a.period_start = v.hour
                  and not a.raw_dropped)
            insert into sta_observation_aggregate as a (datastream_id, period, period_start, period_end, readings, total, minimum, maximum)
            select datastream_id, 'hour', hour, hour + interval '1 hour', readings, total, minimum, maximum from valid where readings > 0
            on conflict (datastream_id, period, period_start) do update set
                readings = excluded.readings + case when a.raw_dropped then a.readings else 0 end,
                total = excluded.total + case when a.raw_dropped then a.total else 0 end,
                minimum = case when a.raw_dropped then least(a.minimum, excluded.minimum) else excluded.minimum end,
                maximum = case when a.raw_dropped then greatest(a.maximum, excluded.maximum) else excluded.maximum end""";

    /** Late readings merged into an hour whose raw was dropped go the way of the hour's other readings. */
    private static final String DROP_MERGED = """
            delete from sta_observation o
            using unnest(?::bigint[], ?::timestamptz[]) as t(datastream_id, hour)
            join sta_observation_aggregate a on a.datastream_id = t.datastream_id and a.period = 'hour' and a.period_start = t.hour
            where a.raw_dropped and o.datastream_id = t.datastream_id
              and o.phenomenon_time_start >= t.hour and o.phenomenon_time_start < t.hour + interval '1 hour'""";

    /** Each day around the taken hours, from its hours (exact: counts and sums add, extremes of extremes). */
    private static final String REMAKE_DAYS = """
            with days as (
                select distinct t.datastream_id, date_trunc('day', t.hour, ?) as day_start
                from unnest(?::bigint[], ?::timestamptz[]) as t(datastream_id, hour)),
            spans as (select datastream_id, day_start, (day_start at time zone ?::text + interval '1 day') at time zone ?::text as day_end from days),
            summed as (
                select s.datastream_id, s.day_start, s.day_end, sum(h.readings) as readings, sum(h.total) as total,
                       min(h.minimum) as minimum, max(h.maximum) as maximum
                from spans s
                left join sta_observation_aggregate h on h.datastream_id = s.datastream_id and h.period = 'hour'
                     and h.period_start >= s.day_start and h.period_start < s.day_end
                group by s.datastream_id, s.day_start, s.day_end),
            emptied as (
                delete from sta_observation_aggregate a using summed s
                where s.readings is null and a.datastream_id = s.datastream_id and a.period = 'day' and a.period_start = s.day_start)
            insert into sta_observation_aggregate (datastream_id, period, period_start, period_end, readings, total, minimum, maximum)
            select datastream_id, 'day', day_start, day_end, readings, total, minimum, maximum from summed where readings is not null
            on conflict (datastream_id, period, period_start) do update set
                readings = excluded.readings, total = excluded.total, minimum = excluded.minimum, maximum = excluded.maximum""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String zone;

    ObservationAggregates(JdbcTemplate jdbc, PlatformTransactionManager transactions, SensorsProperties settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.zone = settings.aggregateZone().getId();
    }

    /**
     * Remakes every hour noted as changed, and its day, until none is left (those noted meanwhile
     * included).
     *
     * @return how many hours were remade
     */
    public int catchUp() {
        int total = 0;
        int step;
        do {
            step = transaction.execute(status -> remakePending());
            total += step;
        } while (step > 0);
        return total;
    }

    /** Remakes every noted hour in the caller's transaction (retention's, holding its month against writes). */
    void remakeAllPending() {
        int remade;
        do {
            remade = remakePending();
        } while (remade > 0);
    }

    /** One step of {@link #catchUp}, in the caller's transaction: takes up to {@link #HOURS_PER_STEP} noted hours. */
    private int remakePending() {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            List<Long> datastreams = new ArrayList<>();
            List<OffsetDateTime> hours = new ArrayList<>();
            try (PreparedStatement take = connection.prepareStatement(TAKE_PENDING)) {
                take.setInt(1, HOURS_PER_STEP);
                try (ResultSet rows = take.executeQuery()) {
                    while (rows.next()) {
                        datastreams.add(rows.getLong(1));
                        hours.add(rows.getObject(2, OffsetDateTime.class));
                    }
                }
            }
            if (datastreams.isEmpty()) {
                return 0;
            }
            Array datastreamArray = connection.createArrayOf("int8", datastreams.toArray());
            Array hourArray = connection.createArrayOf("timestamptz", hours.toArray());
            jdbc.update(REMAKE_HOURS, datastreamArray, hourArray);
            jdbc.update("set local chizu.dropping_raw_observations = 'on'");
            jdbc.update(DROP_MERGED, datastreamArray, hourArray);
            jdbc.update("set local chizu.dropping_raw_observations = 'off'");
            jdbc.update(REMAKE_DAYS, zone, datastreamArray, hourArray, zone, zone);
            return datastreams.size();
        });
    }
}
