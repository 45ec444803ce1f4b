package org.chizu.counters;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.SqlIdentifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routable road network (tables {@code counter_road_vertex}, {@code counter_road_edge}) built from
 * the roads layer: its lines noded where they cross (a road ledger cuts routes into sections that
 * cross others mid-section), one edge per piece between two vertices, costed in seconds at its
 * road class's speed. A rebuild replaces the whole network in one transaction, so a route is always
 * found on one whole network; processes rebuilding at once take turns on an advisory lock.
 */
@Component
public class RoadNetwork {

    static final String ROADS = "roads";
    /** Endpoints this close (in degrees, about a centimetre) are one vertex. */
    static final double SNAP_DEGREES = 1e-7;

    private static final Logger log = LoggerFactory.getLogger(RoadNetwork.class);

    /** Speeds in km/h by road class; an unknown class drives as a municipal road. */
    private static final String SPEED = """
            case %s when 'national' then 50 when 'prefectural' then 40 else 30 end""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LayerRegistry registry;

    public RoadNetwork(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LayerRegistry registry) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.registry = registry;
    }

    /** Rebuilds the network from the roads layer as it is now; returns the number of edges. */
    public int rebuild() {
        Layer roads = registry.find(ROADS).orElseThrow(() -> new IllegalStateException("counters need the layer " + ROADS));
        String table = SqlIdentifiers.quote(roads.table());
        String geometry = SqlIdentifiers.quote(roads.geometry().column());
        String id = SqlIdentifiers.quote(roads.idColumn());
        String roadClass = roads.attribute("road_class").isPresent() ? "r." + SqlIdentifiers.quote("road_class") : "null";
        long started = System.nanoTime();
        Integer edges = transaction.execute(tx -> {
            jdbc.execute("select pg_advisory_xact_lock(hashtext('chizu.counters.road-network'))");
            jdbc.execute("create temporary table road_piece on commit drop as "
                    + "select row_number() over () as id, piece.geom from (select (st_dump(st_node(st_collect(part.geom)))).geom "
                    + "from " + table + " r cross join lateral st_dump(r." + geometry + ") part) piece "
                    + "where st_length(piece.geom) > 0");
            jdbc.execute("""
                    create temporary table road_end on commit drop as
                    select id, st_x(first) as x1, st_y(first) as y1, st_x(last) as x2, st_y(last) as y2
                    from (select id, st_snaptogrid(st_startpoint(geom), %1$s) as first, st_snaptogrid(st_endpoint(geom), %1$s) as last
                          from road_piece) ends""".formatted(SNAP_DEGREES));
            jdbc.execute("""
                    create temporary table road_point on commit drop as
                    select row_number() over (order by x, y) as id, x, y
                    from (select x1 as x, y1 as y from road_end union select x2, y2 from road_end) ends""");
            jdbc.execute("delete from counter_road_edge");
            jdbc.execute("delete from counter_road_vertex");
            jdbc.execute("insert into counter_road_vertex (id, geom) select id, st_setsrid(st_makepoint(x, y), 6668) from road_point");
            return jdbc.update("""
                    insert into counter_road_edge (id, road_id, source, target, length_m, cost, geom)
                    select p.id, road.id, source.id, target.id, length.metres, length.metres / (%s / 3.6), p.geom
                    from road_piece p
                    join road_end e on e.id = p.id
                    join road_point source on source.x = e.x1 and source.y = e.y1
                    join road_point target on target.x = e.x2 and target.y = e.y2
                    cross join lateral (select st_length(p.geom::geography) as metres) length
                    cross join lateral (
                        select r.%s as id, %s as road_class from %s r
                        where st_dwithin(r.%s, st_lineinterpolatepoint(p.geom, 0.5), %s)
                        order by r.%s <-> st_lineinterpolatepoint(p.geom, 0.5) limit 1) road
                    where source.id <> target.id""".formatted(SPEED.formatted("road.road_class"), id, roadClass, table,
                    geometry, SNAP_DEGREES * 10, geometry));
        });
        jdbc.execute("analyze counter_road_vertex, counter_road_edge");
        log.info("counters: road network rebuilt from layer {}: {} edges in {} ms", ROADS, edges,
                (System.nanoTime() - started) / 1_000_000);
        return edges;
    }

    /** Whether a network has been built (it is empty before the first rebuild or without roads). */
    public boolean isBuilt() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from counter_road_edge)", Boolean.class));
    }
}
