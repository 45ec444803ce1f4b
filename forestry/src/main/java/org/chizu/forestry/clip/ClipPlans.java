package org.chizu.forestry.clip;

import java.util.ArrayList;
import java.util.List;

import org.chizu.forestry.access.DataProduct;
import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.products.MadeProduct;
import org.chizu.forestry.products.SurveyProducts;
import org.chizu.forestry.trees.ResourceMesh;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plans clip jobs from the tile index: which surveys an application's area overlaps, which tiles, and
 * the points and bytes to expect (a tile's points prorated by the share of its extent in the area).
 */
@Service
public class ClipPlans {

    /** The LAS header and its projection record, before the points (LasWriter's). */
    static final long LAS_HEADER_BYTES = 313;
    static final long LAS_POINT_BYTES = 28;
    /** A float cell of an uncompressed raster: an upper bound, as the rasters are compressed. */
    static final long RASTER_CELL_BYTES = 4;
    /** An empty GeoPackage, and each tree in it and in the CSV beside it, roughly. */
    static final long TABLE_BYTES = 100_000, TREE_BYTES = 100 + 60;
    /** A cell of the resource mesh in the GeoPackage (a polygon, cut to the area) and in the CSV, roughly. */
    static final long MESH_CELL_BYTES = 250 + 60;
    private static final double MESH_CELL_M2 = ResourceMesh.MESH_METRES * ResourceMesh.MESH_METRES;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final LaserArchive archive;
    private final SurveyProducts products;

    public ClipPlans(JdbcTemplate jdbc, LaserArchive archive, SurveyProducts products) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.products = products;
    }

    /** One plan per survey the application's area overlaps, by survey; products the application does not name are left out. */
    public List<ClipPlan> of(long applicationId, List<String> applied) {
        return jdbc.query("""
                with a as (select area from forestry_application where id = ?),
                overlap as (
                    select t.*, ST_Area(ST_Intersection(ST_Transform(a.area, t.srid),
                               ST_MakeEnvelope(t.min_x, t.min_y, t.max_x, t.max_y, t.srid))) as inside_m2,
                           greatest((t.max_x - t.min_x) * (t.max_y - t.min_y), 1e-6) as tile_m2
                    from a join laser_tile t on ST_Intersects(t.footprint, a.area))
                select o.survey_id, s.name, s.surveying_body, min(o.srid) as srid, sum(o.point_count) as points_to_read,
                       round(sum(o.point_count * least(o.inside_m2 / o.tile_m2, 1))) as points, sum(o.inside_m2) as inside_m2,
                       (select count(*) from forest_tree_point p, a where p.survey_id = o.survey_id and ST_Intersects(p.geom, a.area)) as trees,
                       json_agg(json_build_array(o.id, o.file_name, o.byte_size, o.point_count) order by o.file_name)::text as tiles
                from overlap o join laser_survey s on s.id = o.survey_id
                group by o.survey_id, s.name, s.surveying_body order by o.survey_id""", (row, n) -> {
            long survey = row.getLong("survey_id"), points = row.getLong("points"), trees = row.getLong("trees");
            List<String> writes = new ArrayList<>();
            long bytes = 0;
            if (applied.contains(DataProduct.POINT_CLOUD.id)) {
                writes.add(DataProduct.POINT_CLOUD.id);
                bytes += LAS_HEADER_BYTES + LAS_POINT_BYTES * points;
            }
            for (MadeProduct raster : products.made(survey)) {
                if (applied.contains(raster.kind().id)) {
                    writes.add(raster.kind().id);
                    bytes += RASTER_CELL_BYTES * Math.round(row.getDouble("inside_m2") / (raster.cellMetres() * raster.cellMetres()));
                }
            }
            if (applied.contains(DataProduct.TREE_POINTS.id)) {
                writes.add(DataProduct.TREE_POINTS.id);
                bytes += TABLE_BYTES + TREE_BYTES * trees;
            }
            if (applied.contains(DataProduct.RESOURCE_MESH.id)) {
                // a cell holds one tree at least, and the area holds so many cells (a few more where cut by its edge)
                writes.add(DataProduct.RESOURCE_MESH.id);
                bytes += TABLE_BYTES + MESH_CELL_BYTES * Math.min(trees, Math.round(Math.ceil(row.getDouble("inside_m2") / MESH_CELL_M2)));
            }
            return new ClipPlan(survey, row.getString("name"), row.getString("surveying_body"), row.getInt("srid"),
                    tiles(row.getString("tiles")), row.getLong("points_to_read"), points, bytes, trees, List.copyOf(writes));
        }, applicationId);
    }

    /** The archived tiles of a survey that the application's area overlaps, by file name. */
    public List<ArchivedTile> tiles(long applicationId, long surveyId) {
        List<Long> overlapping = jdbc.queryForList("""
                select t.id from laser_tile t join forestry_application a on ST_Intersects(t.footprint, a.area)
                where a.id = ? and t.survey_id = ?""", Long.class, applicationId, surveyId);
        return archive.tiles(surveyId).stream().filter(tile -> overlapping.contains(tile.id())).toList();
    }

    /** The application's area in a survey's projected system, as GeoJSON with that system named (GDAL reads it as a cutline). */
    public String areaAsGeoJson(long applicationId, int srid) {
        return jdbc.queryForObject("""
                select json_build_object('type', 'FeatureCollection',
                    'crs', json_build_object('type', 'name', 'properties', json_build_object('name', 'urn:ogc:def:crs:EPSG::' || ?::int)),
                    'features', json_build_array(json_build_object('type', 'Feature', 'properties', '{}'::json,
                        'geometry', ST_AsGeoJSON(ST_Transform(area, ?::int), 3)::json)))::text
                from forestry_application where id = ?""", String.class, srid, srid, applicationId);
    }

    /** The application's area in a survey's projected system. */
    public Geometry area(long applicationId, int srid) {
        byte[] wkb = jdbc.queryForObject("select ST_AsBinary(ST_Transform(area, ?)) from forestry_application where id = ?",
                byte[].class, srid, applicationId);
        try {
            Geometry area = new WKBReader().read(wkb);
            area.setSRID(srid);
            return area;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS wrote WKB that JTS cannot read", e);
        }
    }

    private static List<ClipPlan.Tile> tiles(String json) {
        try {
            List<ClipPlan.Tile> tiles = new ArrayList<>();
            for (JsonNode tile : JSON.readTree(json)) {
                tiles.add(new ClipPlan.Tile(tile.get(0).asLong(), tile.get(1).asText(), tile.get(2).asLong(), tile.get(3).asLong()));
            }
            return tiles;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL wrote JSON Jackson cannot read", e);
        }
    }
}
