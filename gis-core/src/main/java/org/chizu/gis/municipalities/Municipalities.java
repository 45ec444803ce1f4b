package org.chizu.gis.municipalities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chizu.platform.Label;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The municipal boundaries the platform serves (行政区域, gis-core's table {@code municipalities}),
 * for modules that ask where a place lies instead of reading the table. Every answer is read from
 * the table when asked, so a municipality added while running ({@link MunicipalityBoundaries}) is
 * served at once.
 */
@Repository
public class Municipalities {

    private static final int JGD2011 = 6668;

    private final JdbcTemplate jdbc;

    public Municipalities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every municipality served, by code. */
    public List<Municipality> all() {
        return jdbc.query("select code, name_ja, name_en from municipalities order by code",
                (rs, i) -> new Municipality(rs.getString(1), new Label(rs.getString(2), rs.getString(3))));
    }

    /**
     * The municipality whose boundary covers a WGS 84 point; on a shared border, the one with the
     * lowest code.
     *
     * @return empty outside every loaded boundary
     */
    public Optional<Municipality> containing(double lon, double lat) {
        return jdbc.query("""
                select code, name_ja, name_en from municipalities
                where st_covers(geom, st_transform(st_setsrid(st_makepoint(?, ?), 4326), 6668))
                order by code limit 1""",
                (rs, i) -> new Municipality(rs.getString(1), new Label(rs.getString(2), rs.getString(3))),
                lon, lat).stream().findFirst();
    }

    /**
     * The municipality of each geometry, in the order given: the one covering the geometry's point
     * on surface (the lowest code on a shared border), empty where none does or the geometry is
     * null. Geometries carry their SRID. One statement answers a whole batch through the GiST index.
     */
    public List<Optional<Municipality>> containingEach(List<Geometry> geometries) {
        List<Optional<Municipality>> found = new ArrayList<>(geometries.size());
        String[] wkt = new String[geometries.size()];
        Integer[] srid = new Integer[geometries.size()];
        for (int i = 0; i < geometries.size(); i++) {
            Geometry geometry = geometries.get(i);
            wkt[i] = geometry == null ? null : geometry.toText();
            srid[i] = geometry == null ? null : geometry.getSRID();
            found.add(Optional.empty());
        }
        if (geometries.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select p.n, m.code, m.name_ja, m.name_en
                from unnest(?::text[], ?::int[]) with ordinality as p(wkt, srid, n)
                join lateral (
                    select code, name_ja, name_en from municipalities
                    where ST_Covers(geom, ST_Transform(ST_PointOnSurface(ST_GeomFromText(p.wkt, p.srid)), 6668))
                    order by code limit 1) m on true
                where p.wkt is not null
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", wkt));
            statement.setArray(2, statement.getConnection().createArrayOf("int4", srid));
        }, row -> {
            found.set(row.getInt(1) - 1, Optional.of(new Municipality(row.getString(2), new Label(row.getString(3), row.getString(4)))));
        });
        return found;
    }

    /**
     * A municipality's boundary: a MultiPolygon in JGD2011 longitude/latitude (EPSG:6668, x the
     * longitude), as stored.
     *
     * @return empty when no municipality has this five-digit code
     */
    public Optional<Geometry> boundary(String code) {
        return jdbc.query("select ST_AsBinary(geom) from municipalities where code = ?",
                (rs, i) -> read(rs.getBytes(1)), code).stream().findFirst();
    }

    /**
     * Every boundary as a GeoJSON FeatureCollection for drawing a background map: simplified to about
     * 20 m, each feature with its {@code code}, {@code name} {ja, en} and a {@code labelPoint} inside
     * it where its name can be written.
     */
    public String outlinesAsGeoJson() {
        return jdbc.queryForObject("""
                select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                    'type', 'Feature', 'id', code,
                    'geometry', st_asgeojson(st_simplifypreservetopology(geom, 0.0002), 5)::json,
                    'properties', json_build_object('code', code, 'name', json_build_object('ja', name_ja, 'en', name_en),
                        'labelPoint', st_asgeojson(st_pointonsurface(geom), 5)::json->'coordinates'))
                    order by code), '[]'::json))::text
                from municipalities""", String.class);
    }

    /** Whether any boundary is loaded at all: a platform without them yet serves everywhere. */
    public boolean anyLoaded() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from municipalities)", Boolean.class));
    }

    private static Geometry read(byte[] wkb) {
        try {
            Geometry geometry = new WKBReader(new GeometryFactory()).read(wkb);
            geometry.setSRID(JGD2011);
            return geometry;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS wrote a boundary JTS cannot read: " + e.getMessage(), e);
        }
    }
}
