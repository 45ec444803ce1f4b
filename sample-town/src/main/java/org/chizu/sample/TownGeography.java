package org.chizu.sample;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared geometry every generator builds on, kept in temporary tables that live only for the
 * loading transaction:
 * <ul>
 * <li>{@code sample_town}: each town's centre, its land (the municipal boundary without open water)
 * and its coast (the part of the land's edge along the sea or lagoon);</li>
 * <li>{@code sample_floodplain}: nested bands along each river, narrowest (deepest water) first,
 * widening downstream, clipped to the land.</li>
 * </ul>
 * The two towns lie a degree of longitude apart, so a bounding-box test ({@code &&}) against a
 * town's land tells exactly which town a generated feature belongs to.
 * <p>
 * Buffers are drawn on geography, in true metres. PostGIS returns them in WGS 84, which coincides
 * with JGD2011 to well within a metre, so the generators set their SRID back to 6668.
 */
final class TownGeography {

    /** How far the approximate shoreline may lie from the real one and still pick it out. */
    private static final double COAST_SEARCH_METRES = 1_200;
    /** A river is buffered piece by piece so that its flood plain can widen towards the mouth. */
    private static final int RIVER_PIECES = 24;

    private final JdbcTemplate jdbc;

    TownGeography(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("""
                create temporary table sample_town (
                    code   text primary key,
                    centre geometry(Point, 6668) not null,
                    land   geometry(MultiPolygon, 6668) not null,
                    coast  geometry not null
                ) on commit drop""");
        jdbc.execute("""
                create temporary table sample_floodplain (
                    code        text not null,
                    river       text not null,
                    band        integer not null,
                    depth_class text not null,
                    geom        geometry not null
                ) on commit drop""");
    }

    /** Records a town's centre, land and coast from its municipal boundary, and the flood plains of its rivers. */
    void prepare(Town town, LonLat centre, Geometry boundary) {
        jdbc.update("""
                insert into sample_town (code, centre, land, coast)
                select ?, st_setsrid(st_point(?, ?), 6668), land.geom,
                       st_intersection(st_boundary(land.geom),
                           st_setsrid(st_buffer(st_geomfromtext(?, 6668)::geography, ?)::geometry, 6668))
                from (select st_geomfromwkb(?, 6668) as geom) m
                cross join lateral (select st_multi(coalesce(st_difference(m.geom, st_geomfromtext(?::text, 6668)), m.geom)) as geom) land""",
                town.code(), centre.lon(), centre.lat(), LonLat.lineWkt(town.coast()), COAST_SEARCH_METRES,
                new WKBWriter().write(boundary), town.openWater().isEmpty() ? null : LonLat.polygonWkt(town.openWater()));
        for (Town.River river : town.rivers()) {
            String course = LonLat.lineWkt(Meander.through(river.course(), 0.05, town.random("river " + river.nameJa())));
            jdbc.update("""
                    insert into sample_floodplain (code, river, band, depth_class, geom)
                    select t.code, ?, band.no, band.depth_class, st_intersection(t.land, st_union(
                               st_setsrid(st_buffer(st_linesubstring(course.line, piece / ?::float8, (piece + 1) / ?::float8)::geography,
                                         band.radius * (0.6 + 0.8 * (piece + 0.5) / ?))::geometry, 6668)))
                    from sample_town t
                    cross join (select st_geomfromtext(?, 6668) as line) course
                    cross join (values (1, '3_to_5m', 150.0), (2, '0_5_to_3m', 380.0), (3, 'under_0_5m', 620.0))
                        as band (no, depth_class, radius)
                    cross join generate_series(0, ? - 1) piece
                    where t.code = ?
                    group by t.code, band.no, band.depth_class
                    order by band.no""",
                    river.nameJa(), RIVER_PIECES, RIVER_PIECES, RIVER_PIECES, course, RIVER_PIECES, town.code());
        }
    }
}
