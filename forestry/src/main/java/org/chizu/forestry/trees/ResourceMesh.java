package org.chizu.forestry.trees;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The 20 m resource mesh (森林資源量集計メッシュ) of a survey's trees: per cell of a 20 m grid of the
 * survey's plane rectangular zone, the tree count, trees per hectare, mean height, top height (上層樹高,
 * the mean of the tallest four), estimated volume and its share per hectare, and the main species.
 * One query serves both the stored mesh of a whole survey and the mesh of the trees inside an area,
 * whose cells are cut to the area and whose per-hectare figures are over the part inside.
 */
public final class ResourceMesh {

    /** The mesh side in metres, as the national 森林資源量集計メッシュ. */
    public static final int MESH_METRES = 20;
    /** 上層樹高: the mean of the tallest 100 trees a hectare, four in a 20 m mesh. */
    private static final int TOP_TREES_PER_MESH = 4;

    /**
     * The cells that hold trees, as rows with the resource_mesh layer's attribute columns (figures as
     * {@code real}, the table's type) and {@code geom} (MultiPolygon, JGD2011), in the order of the grid (south to north, west to east). Named parameters:
     * {@code survey}, {@code srid} (the survey's zone), {@code area} (WKB of a polygon in JGD2011
     * longitude/latitude, or null for the whole survey), {@code side} and {@code top}.
     * A tree on the area's boundary is inside it.
     */
    public static final String CELLS = """
            with bounds as (select ST_GeomFromWKB(cast(:area as bytea), 6668) as lonlat),
            plane as (
                select ST_Transform(t.geom, :srid) as p, t.height_m, t.volume_m3, t.species
                from forest_tree_point t, bounds b
                where t.survey_id = :survey and (b.lonlat is null or ST_Intersects(t.geom, b.lonlat))
            ), cells as (
                select floor(ST_X(p) / :side)::bigint as cx, floor(ST_Y(p) / :side)::bigint as cy, height_m, volume_m3, species,
                       row_number() over (partition by floor(ST_X(p) / :side), floor(ST_Y(p) / :side) order by height_m desc) as rank
                from plane
            ), sums as (
                select cx, cy, count(*) as tree_count, avg(height_m) as mean_height_m,
                       avg(height_m) filter (where rank <= :top) as top_height_m, sum(volume_m3) as volume_m3,
                       mode() within group (order by species) as main_species,
                       ST_MakeEnvelope(cx * :side, cy * :side, (cx + 1) * :side, (cy + 1) * :side, :srid) as cell
                from cells group by cx, cy
            ), parts as (
                select s.*, case when b.lonlat is null then s.cell
                                 else ST_CollectionExtract(ST_Intersection(s.cell, ST_Transform(b.lonlat, :srid)), 3) end as part
                from sums s, bounds b
            )
            select 'EPSG' || :srid || ':' || cx || '_' || cy as mesh_code, tree_count,
                   (tree_count / nullif(ST_Area(part) / 10000, 0))::real as trees_per_ha, mean_height_m::real as mean_height_m,
                   top_height_m::real as top_height_m, volume_m3::real as volume_m3,
                   (volume_m3 / nullif(ST_Area(part) / 10000, 0))::real as volume_m3_per_ha, main_species,
                   ST_Multi(ST_Transform(part, 6668)) as geom
            from parts order by cy, cx""";

    private ResourceMesh() {
    }

    /**
     * The parameters of {@link #CELLS}.
     *
     * @param areaWkb a polygon in JGD2011 longitude/latitude (EPSG:6668) as WKB; null for the whole survey
     */
    public static MapSqlParameterSource parameters(long surveyId, int srid, byte[] areaWkb) {
        return new MapSqlParameterSource(Map.of("survey", surveyId, "srid", srid, "side", MESH_METRES, "top", TOP_TREES_PER_MESH))
                .addValue("area", areaWkb);
    }
}
