package org.chizu.counters;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The fastest way by road from a place to an office or a stop of the counter van, as the maps draw
 * it: the same snapping and costs as {@link TravelTimes}, with the path's edges (pgRouting's
 * {@code pgr_dijkstra}).
 */
@Service
public class CounterRoutes {

    private static final String PATH = """
            with start as (
                select id from counter_road_vertex order by geom <-> st_setsrid(st_makepoint(:lon, :lat), 6668) limit 1
            ), goal as (
                select id from counter_road_vertex order by geom <-> st_setsrid(st_makepoint(:toLon, :toLat), 6668) limit 1
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
    private final VanRoutes vanRoutes;
    private final RoadNetwork network;

    CounterRoutes(NamedParameterJdbcTemplate jdbc, Offices offices, VanRoutes vanRoutes, RoadNetwork network) {
        this.jdbc = jdbc;
        this.offices = offices;
        this.vanRoutes = vanRoutes;
        this.network = network;
    }

    /**
     * @param office   the office's code when the route goes to an office, else null
     * @param stop     the van stop's id when the route goes to a stop, else null
     * @param to       where the route ends: the office's or the stop's place
     * @param geometry the path as GeoJSON (a LineString, or a MultiLineString where it cannot be
     *                 merged into one); null when the place's road is the destination's or no road joins them
     */
    public record Route(String office, Long stop, Office.Place to, long travelSeconds, long metres,
                        @JsonRawValue String geometry) {
    }

    /**
     * @throws CountersProblem 404 for an unknown office, 503 before the road network is built
     */
    public Route route(double lon, double lat, String officeCode) {
        Office office = offices.find(officeCode);
        return path(lon, lat, office.code(), null, office.place());
    }

    /**
     * @throws CountersProblem 404 for an unknown stop, 503 before the road network is built
     */
    public Route routeToStop(double lon, double lat, long stopId) {
        VanStop stop = vanRoutes.stop(stopId);
        return path(lon, lat, null, stop.id(), stop.place());
    }

    private Route path(double lon, double lat, String office, Long stop, Office.Place to) {
        if (!network.isBuilt()) {
            throw CountersProblem.noRoadNetwork();
        }
        List<Route> found = jdbc.query(PATH, new MapSqlParameterSource().addValue("lon", lon).addValue("lat", lat)
                .addValue("toLon", to.lon()).addValue("toLat", to.lat()),
                (rs, n) -> new Route(office, stop, to, Math.round(rs.getDouble("seconds")), Math.round(rs.getDouble("metres")),
                        rs.getString("geometry")));
        return found.getFirst();
    }
}
