package org.chizu.counters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The counters' figures (窓口の指標) per office, service and day: tickets taken and called, the mean
 * wait from taking a ticket to its call and the mean time at the counter from the call to the next
 * call at that desk (or its finishing); tickets taken per hour of the day; and the van's visits to its
 * stops with the people served there.
 */
@Service
public class CounterKpis {

    private static final String DAYS = """
            select o.code as office, s.code as service, t.day, count(*) as tickets,
                   count(t.called_at) as called,
                   round(cast(avg(extract(epoch from t.called_at - t.taken_at)) / 60 as numeric), 1) as wait_minutes,
                   round(cast(avg(extract(epoch from t.finished_at - t.called_at)) filter (where t.state = 'served') / 60 as numeric), 1)
                       as counter_minutes
            from counter_ticket t join counter_office o on o.id = t.office_id join counter_service s on s.id = t.service_id
            where t.day between :from and :to
            group by o.code, s.code, t.day
            order by t.day, o.code, s.code""";

    private static final String HOURS = """
            select o.code as office, extract(hour from t.taken_at at time zone :zone)::integer as hour, count(*) as tickets
            from counter_ticket t join counter_office o on o.id = t.office_id
            where t.day between :from and :to
            group by o.code, hour
            order by o.code, hour""";

    private static final String VAN_VISITS = """
            select r.code as route, s.id as stop, s.facility_id, s.name_ja, v.day, v.arrived_at, v.served
            from counter_van_visit v join counter_van_stop s on s.id = v.stop_id join counter_van_route r on r.id = s.route_id
            where v.day between :from and :to
            order by v.day, r.code, s.position""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CountersProperties properties;
    private final FacilityPlaces places;

    public CounterKpis(NamedParameterJdbcTemplate jdbc, CountersProperties properties, FacilityPlaces places) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.places = places;
    }

    /**
     * The van's visit to a stop on a day: when it arrived and how many people staff served there.
     *
     * @param place the stop's name
     */
    public record VanVisit(String route, long stop, String place, LocalDate day, Instant arrivedAt, int served) {
    }

    /**
     * @param waitMinutes    mean minutes from taking the ticket to its call; null when none was called
     * @param counterMinutes mean minutes at the counter of the served tickets; null when none was served
     */
    public record Day(String office, String service, LocalDate day, int tickets, int called, Double waitMinutes,
                      Double counterMinutes) {
    }

    public record Hour(String office, int hour, int tickets) {
    }

    public List<Day> days(LocalDate from, LocalDate to) {
        return jdbc.query(DAYS, range(from, to), (rs, n) -> new Day(rs.getString("office"), rs.getString("service"),
                rs.getObject("day", LocalDate.class), rs.getInt("tickets"), rs.getInt("called"),
                rs.getObject("wait_minutes") == null ? null : rs.getDouble("wait_minutes"),
                rs.getObject("counter_minutes") == null ? null : rs.getDouble("counter_minutes")));
    }

    public List<Hour> hours(LocalDate from, LocalDate to) {
        return jdbc.query(HOURS, range(from, to).addValue("zone", properties.zone().getId()),
                (rs, n) -> new Hour(rs.getString("office"), rs.getInt("hour"), rs.getInt("tickets")));
    }

    /** The van's visits to its stops, by day, route and stop. */
    public List<VanVisit> vanVisits(LocalDate from, LocalDate to) {
        record Row(String route, long stop, long facility, String name, LocalDate day, Instant arrivedAt, int served) {
        }
        List<Row> rows = jdbc.query(VAN_VISITS, range(from, to), (rs, n) -> new Row(rs.getString("route"), rs.getLong("stop"),
                rs.getLong("facility_id"), rs.getString("name_ja"), rs.getObject("day", LocalDate.class), rs.getTimestamp("arrived_at").toInstant(),
                rs.getInt("served")));
        Map<Long, Office.Place> at = places.of(rows.stream().map(Row::facility).distinct().toList());
        return rows.stream().map(row -> new VanVisit(row.route(), row.stop(),
                row.name() != null ? row.name() : at.containsKey(row.facility()) ? at.get(row.facility()).name() : null, row.day(), row.arrivedAt(), row.served()))
                .toList();
    }

    private static MapSqlParameterSource range(LocalDate from, LocalDate to) {
        return new MapSqlParameterSource().addValue("from", from).addValue("to", to);
    }
}
