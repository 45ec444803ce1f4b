package org.chizu.counters;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Minutes each waiting ticket adds, per service of an office, from that service's history at that
 * hour of the day: the mean time between consecutive calls over the past weeks (so desks working in
 * parallel shorten it). With fewer than {@value #FEWEST_SAMPLES} such intervals the service's typical
 * minutes stand instead. Gaps of an hour or more (lunch, a quiet afternoon) are not intervals.
 */
class WaitEstimates {

    static final int FEWEST_SAMPLES = 5;

    private static final String HISTORY = """
            with calls as (
                select service_id, called_at,
                       lag(called_at) over (partition by service_id, day order by called_at) as previous
                from counter_ticket
                where office_id = :office and called_at >= :since and called_at < :until
            )
            select service_id, avg(extract(epoch from called_at - previous)) / 60 as minutes, count(*) as samples
            from calls
            where previous is not null and called_at - previous < interval '1 hour'
              and extract(hour from called_at at time zone :zone) = :hour
            group by service_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CountersProperties properties;

    WaitEstimates(NamedParameterJdbcTemplate jdbc, CountersProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Minutes per ticket for each of the services, by service id, at the hour of {@code now}. */
    Map<Long, Double> minutesPerTicket(long officeId, List<CounterService> services, Instant now) {
        ZonedDateTime local = now.atZone(properties.zone());
        Map<Long, Double> minutes = new HashMap<>();
        services.forEach(service -> minutes.put(service.id(), (double) service.typicalMinutes()));
        jdbc.query(HISTORY, new MapSqlParameterSource().addValue("office", officeId)
                .addValue("since", Timestamp.from(now.minus(Duration.ofDays(properties.historyDays()))))
                .addValue("until", Timestamp.from(now)).addValue("zone", properties.zone().getId())
                .addValue("hour", local.getHour()), rs -> {
                    if (rs.getInt("samples") >= FEWEST_SAMPLES && minutes.containsKey(rs.getLong("service_id"))) {
                        minutes.put(rs.getLong("service_id"), Math.round(rs.getDouble("minutes") * 10) / 10.0);
                    }
                });
        return minutes;
    }
}
