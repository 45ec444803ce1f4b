package org.chizu.counters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * "Where can I get 住民票 today?": the offices handling a service that are open today, fastest first
 * by travel time over the road network (pgRouting's Dijkstra from one place to every office at once),
 * not by straight-line distance. An office no road reaches is left out.
 */
@Service
public class NearestCounters {

    /** Each office's nearest vertex, and the cost and length of the fastest path to each from the start. */
    private static final String ROUTES = """
            with start as (
                select id from counter_road_vertex order by geom <-> st_setsrid(st_makepoint(:lon, :lat), 6668) limit 1
            ), goal as (
                select office.id as office, (select v.id from counter_road_vertex v
                                             order by v.geom <-> st_setsrid(st_makepoint(office.lon, office.lat), 6668) limit 1) as vertex
                from unnest(cast(:offices as bigint[]), cast(:lons as float8[]), cast(:lats as float8[])) as office (id, lon, lat)
            ), route as (
                select end_vid, agg_cost from pgr_dijkstraCost(
                    'select id, source, target, cost, cost as reverse_cost from counter_road_edge',
                    (select id from start), (select array_agg(distinct vertex) from goal), directed => false)
            )
            select goal.office, coalesce(route.agg_cost, case when goal.vertex = (select id from start) then 0 end) as seconds
            from goal left join route on route.end_vid = goal.vertex""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Offices offices;
    private final OfficeCalendar calendar;
    private final RoadNetwork network;
    private final CountersProperties properties;
    private final Clock clock;

    @Autowired
    public NearestCounters(NamedParameterJdbcTemplate jdbc, Offices offices, OfficeCalendar calendar, RoadNetwork network,
                           CountersProperties properties) {
        this(jdbc, offices, calendar, network, properties, Clock.systemUTC());
    }

    NearestCounters(NamedParameterJdbcTemplate jdbc, Offices offices, OfficeCalendar calendar, RoadNetwork network,
                    CountersProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.offices = offices;
        this.calendar = calendar;
        this.network = network;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws CountersProblem 404 for an unknown service, 503 before the road network is built
     */
    public List<NearestCounter> nearest(double lon, double lat, String serviceCode) {
        List<Office> offering = offices.offering(serviceCode);
        if (offering.isEmpty()) {
            offices.service(serviceCode);
            return List.of();
        }
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        List<Office> open = offering.stream().filter(office -> calendar.day(office, today).open()).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        if (!network.isBuilt()) {
            throw CountersProblem.noRoadNetwork();
        }
        Map<Long, Double> seconds = new HashMap<>();
        jdbc.query(ROUTES, new MapSqlParameterSource().addValue("lon", lon).addValue("lat", lat)
                .addValue("offices", arrayOf(open, Office::id))
                .addValue("lons", arrayOf(open, office -> office.place().lon()))
                .addValue("lats", arrayOf(open, office -> office.place().lat())), rs -> {
                    double cost = rs.getDouble("seconds");
                    if (!rs.wasNull()) {
                        seconds.put(rs.getLong("office"), cost);
                    }
                });
        List<NearestCounter> reachable = new ArrayList<>();
        for (Office office : open) {
            Double cost = seconds.get(office.id());
            if (cost != null) {
                reachable.add(new NearestCounter(office, calendar.day(office, today), Math.round(cost)));
            }
        }
        reachable.sort(Comparator.comparingLong(NearestCounter::travelSeconds));
        return reachable;
    }

    /** A PostgreSQL array literal of numbers ({1,2,3}), bound as text and cast in the query. */
    private static String arrayOf(List<Office> offices, Function<Office, Number> value) {
        return offices.stream().map(office -> value.apply(office).toString()).collect(Collectors.joining(",", "{", "}"));
    }
}
