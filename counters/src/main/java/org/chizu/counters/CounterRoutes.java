package org.chizu.counters;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The fastest way by road from a place to an office, as the map draws it: the same snapping and
 * costs as {@link TravelTimes}, with the path's edges (pgRouting's {@code pgr_dijkstra}).
 */
@Service
public class CounterRoutes {

    private static final String PATH = """
            with start as (
                select id from counter_road_vertex order by geom <-> st_setsrid(st_makepoint(:lon, :lat), 6668) limit 1
            ), goal as (
                select id from counter_road_vertex order by geom <-> st_setsrid(st_makepoint(:officeLon, :officeLat), 6668) limit 1
            ), path as (
                select seq, edge, agg_cost from pgr_dijkstra(
                    'select id, source, target, cost, cost as reverse_cost from counter_road_edge',
                    (select id from start), (select id from goal), directed => false)
            )
            select st_asgeojson(st_linemerge(st_collect(e.geom order by p.seq)), 6) as geometry,
                   coalesce(sum(e.cost), 0) as seconds, coalesce(sum(e.length_m), 0) as metres
            from path p join counter_road_edge e on e.id = p.edge""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Offices offices;
    private final RoadNetwork network;

    CounterRoutes(NamedParameterJdbcTemplate jdbc, Offices offices, RoadNetwork network) {
        this.jdbc = jdbc;
        this.offices = offices;
        this.network = network;
    }

    /**
     * @param geometry the path as GeoJSON (a LineString, or a MultiLineString where it cannot be
     *                 merged into one); null when the place's road is the office's or no road joins them
     */
    public record Route(String office, long travelSeconds, long metres, @JsonRawValue String geometry) {
    }

    /**
     * @throws CountersProblem 404 for an unknown office, 503 before the road network is built
     */
    public Route route(double lon, double lat, String officeCode) {
        Office office = offices.find(officeCode);
        if (!network.isBuilt()) {
            throw CountersProblem.noRoadNetwork();
        }
        List<Route> found = jdbc.query(PATH, new MapSqlParameterSource().addValue("lon", lon).addValue("lat", lat)
                .addValue("officeLon", office.place().lon()).addValue("officeLat", office.place().lat()),
                (rs, n) -> new Route(office.code(), Math.round(rs.getDouble("seconds")), Math.round(rs.getDouble("metres")),
                        rs.getString("geometry")));
        return found.getFirst();
    }
}
