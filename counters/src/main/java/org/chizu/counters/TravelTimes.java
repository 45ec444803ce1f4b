package org.chizu.counters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Driving times over the road network from one place to many (pgRouting's Dijkstra once, from the
 * vertex nearest the start to the vertices nearest each goal): what orders counters and what tells
 * the van's "arriving in N minutes". Never a straight-line guess.
 */
@Component
public class TravelTimes {

    /** Each goal's nearest vertex, and the cost of the fastest path to each from the start. */
    private static final String ROUTES = """
            with start as (
                select id from counter_road_vertex order by geom <-> st_setsrid(st_makepoint(:lon, :lat), 6668) limit 1
            ), goal as (
                select goal.n, (select v.id from counter_road_vertex v
                                order by v.geom <-> st_setsrid(st_makepoint(goal.lon, goal.lat), 6668) limit 1) as vertex
                from unnest(cast(:lons as float8[]), cast(:lats as float8[])) with ordinality as goal (lon, lat, n)
            ), route as (
                select end_vid, agg_cost from pgr_dijkstraCost(
                    'select id, source, target, cost, cost as reverse_cost from counter_road_edge',
                    (select id from start), (select array_agg(distinct vertex) from goal), directed => false)
            )
            select goal.n, coalesce(route.agg_cost, case when goal.vertex = (select id from start) then 0 end) as seconds
            from goal left join route on route.end_vid = goal.vertex""";

    private final NamedParameterJdbcTemplate jdbc;
    private final RoadNetwork network;

    public TravelTimes(NamedParameterJdbcTemplate jdbc, RoadNetwork network) {
        this.jdbc = jdbc;
        this.network = network;
    }

    /**
     * Seconds to drive from the place to each goal, in the goals' order; null for a goal no road reaches.
     *
     * @throws CountersProblem 503 before the road network is built
     */
    public <T> List<Long> from(double lon, double lat, List<T> goals, ToDoubleFunction<T> goalLon, ToDoubleFunction<T> goalLat) {
        List<Long> seconds = new ArrayList<>(Collections.nCopies(goals.size(), (Long) null));
        if (goals.isEmpty()) {
            return seconds;
        }
        if (!network.isBuilt()) {
            throw CountersProblem.noRoadNetwork();
        }
        jdbc.query(ROUTES, new MapSqlParameterSource().addValue("lon", lon).addValue("lat", lat)
                .addValue("lons", arrayOf(goals, goalLon)).addValue("lats", arrayOf(goals, goalLat)), rs -> {
                    double cost = rs.getDouble("seconds");
                    if (!rs.wasNull()) {
                        seconds.set(rs.getInt("n") - 1, Math.round(cost));
                    }
                });
        return seconds;
    }

    /** A PostgreSQL array literal of numbers ({1.5,2,3}), bound as text and cast in the query. */
    private static <T> String arrayOf(List<T> goals, ToDoubleFunction<T> value) {
        return goals.stream().map(goal -> Double.toString(value.applyAsDouble(goal))).collect(Collectors.joining(",", "{", "}"));
    }
}
