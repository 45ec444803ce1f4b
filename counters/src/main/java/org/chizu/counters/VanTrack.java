package org.chizu.counters;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The van's track for staff: the positions its device or staff posted on a day, in the town's time,
 * (the CSV is written by the web layer).
 */
@Service
public class VanTrack {

    private final NamedParameterJdbcTemplate jdbc;
    private final VanRoutes routes;
    private final CountersProperties properties;

    public VanTrack(NamedParameterJdbcTemplate jdbc, VanRoutes routes, CountersProperties properties) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.properties = properties;
    }

    /** A posted position: when, where and by whom (the device's or staff member's account name). */
    public record Point(OffsetDateTime at, double lon, double lat, String postedBy) {
    }

    /**
     * The route's positions posted on the day, in time order.
     *
     * @throws CountersProblem 404 for an unknown route
     */
    public List<Point> day(String routeCode, LocalDate day) {
        VanRoute route = routes.find(routeCode);
        var zone = properties.zone();
        return jdbc.query("""
                select at, st_x(geom) as lon, st_y(geom) as lat, posted_by from counter_van_track
                where route_id = :route and at >= :from and at < :to order by at, id""",
                new MapSqlParameterSource("route", route.id())
                        .addValue("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                        .addValue("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant())),
                (rs, n) -> new Point(OffsetDateTime.ofInstant(rs.getTimestamp("at").toInstant(), zone),
                        rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("posted_by")));
    }
}
