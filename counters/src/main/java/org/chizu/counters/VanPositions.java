package org.chizu.counters;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chizu.platform.events.LiveEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The van's position (table {@code counter_van_position}), its track ({@code counter_van_track}: every
 * posted position, kept {@code chizu.counters.van-track-days}) and its visits ({@code counter_van_visit}).
 * A position within {@value #REACH_METRES} m of a stop of today's round is a visit to it (the first
 * such position of the day is its arrival); the next stop is the one it is at, or else the first of
 * today's round it has not reached, and the time to it is driven over the road network. Every
 * position is announced on the route's live topic.
 */
@Service
public class VanPositions {

    /** How near its stop the van counts as there: a 公民館's car park and the road in front of it. */
    static final int REACH_METRES = 150;

    private final NamedParameterJdbcTemplate jdbc;
    private final VanRoutes routes;
    private final TravelTimes travel;
    private final LiveEvents live;
    private final CountersProperties properties;
    private final Clock clock;

    @Autowired
    public VanPositions(NamedParameterJdbcTemplate jdbc, VanRoutes routes, TravelTimes travel, LiveEvents live,
                        CountersProperties properties) {
        this(jdbc, routes, travel, live, properties, Clock.systemUTC());
    }

    VanPositions(NamedParameterJdbcTemplate jdbc, VanRoutes routes, TravelTimes travel, LiveEvents live,
                 CountersProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.travel = travel;
        this.live = live;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records where the van of the route is now, the visit to a stop it has reached, and announces it.
     *
     * @param postedBy the device's or staff member's account name
     * @throws CountersProblem 404 for an unknown route, 400 for a place off the Earth
     */
    @Transactional
    public VanLive post(String routeCode, double lon, double lat, String postedBy) {
        VanRoute route = routes.find(routeCode);
        Instant now = clock.instant();
        jdbc.update("""
                insert into counter_van_position (route_id, geom, at, posted_by)
                values (:route, st_setsrid(st_makepoint(:lon, :lat), 6668), :at, :by)
                on conflict (route_id) do update set geom = excluded.geom, at = excluded.at, posted_by = excluded.posted_by""",
                new MapSqlParameterSource("route", route.id()).addValue("lon", lon).addValue("lat", lat)
                        .addValue("at", Timestamp.from(now)).addValue("by", postedBy));
        keepOnTrack(route, lon, lat, now, postedBy);
        LocalDate today = today(now);
        VanLive.Position position = new VanLive.Position(lon, lat, now);
        for (VanStop stop : todaysStops(route, today)) {
            if (metres(position, stop.place()) <= REACH_METRES) {
                jdbc.update("""
                        insert into counter_van_visit (stop_id, day, arrived_at) values (:stop, :day, :at)
                        on conflict (stop_id, day) do nothing""",
                        new MapSqlParameterSource("stop", stop.id()).addValue("day", today).addValue("at", Timestamp.from(now)));
            }
        }
        VanLive answer = live(route, position, today);
        live.publish(route.topic(), answer);
        return answer;
    }

    /** Adds the position to the track, and forgets the track's positions older than the days it keeps. */
    private void keepOnTrack(VanRoute route, double lon, double lat, Instant now, String postedBy) {
        jdbc.update("""
                insert into counter_van_track (route_id, geom, at, posted_by)
                values (:route, st_setsrid(st_makepoint(:lon, :lat), 6668), :at, :by)""",
                new MapSqlParameterSource("route", route.id()).addValue("lon", lon).addValue("lat", lat)
                        .addValue("at", Timestamp.from(now)).addValue("by", postedBy));
        jdbc.update("delete from counter_van_track where at < :oldest", new MapSqlParameterSource("oldest",
                Timestamp.from(now.minus(Duration.ofDays(properties.vanTrackDays())))));
    }

    /** The van of the route as it was last posted. */
    public VanLive now(String routeCode) {
        VanRoute route = routes.find(routeCode);
        VanLive.Position position = jdbc.query("""
                select st_x(geom) as lon, st_y(geom) as lat, at from counter_van_position where route_id = :route""",
                new MapSqlParameterSource("route", route.id()), (rs, n) -> new VanLive.Position(rs.getDouble("lon"),
                        rs.getDouble("lat"), rs.getTimestamp("at").toInstant())).stream().findFirst().orElse(null);
        return live(route, position, today(clock.instant()));
    }

    private VanLive live(VanRoute route, VanLive.Position position, LocalDate today) {
        if (position == null) {
            return new VanLive(route.code(), null, null, false, null);
        }
        List<VanStop> stops = todaysStops(route, today);
        Set<Long> visited = new HashSet<>(jdbc.queryForList("select stop_id from counter_van_visit where day = :day",
                new MapSqlParameterSource("day", today), Long.class));
        VanStop at = stops.stream().filter(stop -> metres(position, stop.place()) <= REACH_METRES).findFirst().orElse(null);
        VanStop next = at != null ? at : stops.stream().filter(stop -> !visited.contains(stop.id())).findFirst().orElse(null);
        if (next == null) {
            return new VanLive(route.code(), position, null, false, null);
        }
        Long seconds = at != null ? Long.valueOf(0) : travel.from(position.lon(), position.lat(), List.of(next.place()),
                Office.Place::lon, Office.Place::lat).getFirst();
        return new VanLive(route.code(), position, next, at != null, seconds);
    }

    private List<VanStop> todaysStops(VanRoute route, LocalDate today) {
        return routes.day(route, today).open() ? route.stops() : List.of();
    }

    private LocalDate today(Instant now) {
        return now.atZone(properties.zone()).toLocalDate();
    }

    /** Great-circle metres: only to tell whether the van is at a stop, never for a travel time. */
    private static double metres(VanLive.Position from, Office.Place to) {
        double lat1 = Math.toRadians(from.lat());
        double lat2 = Math.toRadians(to.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.lon() - from.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }
}
