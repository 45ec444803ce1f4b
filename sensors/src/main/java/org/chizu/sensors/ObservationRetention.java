package org.chizu.sensors;

import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention with downsampling: raw readings older than their datastream's retention (its
 * {@code rawRetention} property, else {@code chizu.sensors.raw-retention}) go, their hourly and daily
 * aggregates stay. It works a month partition at a time: a month whose every datastream is past
 * retention is dropped whole; in a month that some datastream still keeps, the readings of those past
 * theirs are deleted. Before either, the month is locked against writes and its aggregates brought up
 * to date, and its hours are marked as having lost their raw readings (a late reading is merged then).
 * Readings in the default partition (beyond the partitioned months) are left alone, and so are
 * MultiDatastreams' readings (kept for ever).
 */
@Component
public class ObservationRetention {

    private static final Logger log = LoggerFactory.getLogger(ObservationRetention.class);

    /** The monthly partitions that have ended, oldest first, with their bounds. */
    private static final String ENDED_MONTHS = """
            with months as (
                select c.relname as name, to_date(substr(c.relname, 18), 'YYYY"m"MM')::timestamp as first_day
                from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'sta_observation'::regclass and c.relname ~ '^sta_observation_y[0-9]{4}m[0-9]{2}$')
            select name, first_day at time zone 'UTC' as lower, (first_day + interval '1 month') at time zone 'UTC' as upper
            from months where (first_day + interval '1 month') at time zone 'UTC' <= now()
            order by first_day""";

    /** Datastreams that may have readings before the month's end, and whether theirs are all past retention. */
    private static final String DATASTREAMS_OF_MONTH = """
            select d.id, coalesce(?::timestamptz <= now() - coalesce(sta_raw_retention(d.properties), ?::interval), false) as expired
            from sta_datastream d where d.phenomenon_time_start < ?""";

    private static final String MULTI_DATASTREAM_READINGS_BEFORE = "select exists (select 1 from sta_multi_datastream where phenomenon_time_start < ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObservationAggregates aggregates;
    private final String globalRetention;

    ObservationRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObservationAggregates aggregates, SensorsProperties settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.aggregates = aggregates;
        Period retention = settings.rawRetention();
        this.globalRetention = retention == null ? null : retention.toString();
    }

    /** What one pass did. */
    public record Outcome(int monthsDropped, int datastreamMonthsDeleted) {
    }

    /** Drops or thins every ended month past retention; a month whose lock is not granted in time waits for the next pass. */
    public Outcome dropExpired() {
        aggregates.catchUp();
        int dropped = 0;
        int thinned = 0;
        List<Month> months = jdbc.query(ENDED_MONTHS, (row, n) -> new Month(row.getString(1),
                row.getObject(2, OffsetDateTime.class), row.getObject(3, OffsetDateTime.class)));
        for (Month month : months) {
            List<long[]> datastreams = jdbc.query(DATASTREAMS_OF_MONTH, (row, n) -> new long[] {row.getLong(1), row.getBoolean(2) ? 1 : 0},
                    month.upper(), globalRetention, month.upper());
            Long[] expired = datastreams.stream().filter(d -> d[1] == 1).map(d -> d[0]).toArray(Long[]::new);
            if (expired.length == 0) {
                continue;
            }
            // MultiDatastreams' readings have no retention: a month that may hold some is thinned, never dropped.
            boolean whole = expired.length == datastreams.size()
                    && !jdbc.queryForObject(MULTI_DATASTREAM_READINGS_BEFORE, Boolean.class, month.upper());
            try {
                transaction.executeWithoutResult(status -> {
                    jdbc.execute("set local lock_timeout = '5s'");
                    jdbc.execute("lock table \"" + month.name() + "\" in exclusive mode");
                    aggregates.remakeAllPending();
                    markRawDropped(month, whole ? null : expired);
                    if (whole) {
                        jdbc.execute("drop table \"" + month.name() + "\"");
                    } else {
                        jdbc.execute("set local chizu.dropping_raw_observations = 'on'");
                        jdbc.update("delete from \"" + month.name() + "\" where datastream_id = any(?::bigint[])", ids(expired));
                    }
                });
            } catch (DataAccessException e) {
                log.info("raw readings of {} kept this time: {}", month.name(), e.getMostSpecificCause().getMessage());
                continue;
            }
            if (whole) {
                dropped++;
                log.info("dropped the raw readings of {} (all its datastreams past retention; aggregates kept)", month.name());
            } else {
                thinned += expired.length;
            }
        }
        return new Outcome(dropped, thinned);
    }

    private void markRawDropped(Month month, Long[] datastreams) {
        jdbc.update("""
                update sta_observation_aggregate set raw_dropped = true
                where period = 'hour' and period_start >= ? and period_start < ? and (?::bigint[] is null or datastream_id = any(?::bigint[]))""",
                month.lower(), month.upper(), ids(datastreams), ids(datastreams));
    }

    private static String ids(Long[] datastreams) {
        return datastreams == null ? null : "{" + String.join(",", Arrays.stream(datastreams).map(String::valueOf).toList()) + "}";
    }

    private record Month(String name, OffsetDateTime lower, OffsetDateTime upper) {
    }
}
