package org.chizu.forestry.clip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chizu.forestry.trees.ResourceMesh;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The forest resources of a survey inside an application's area, in the 森林資源データ layouts the
 * layers declare, each as GeoPackage (in the survey's plane rectangular system) and CSV: the tree tops
 * (樹頂点, with the latitude and longitude the layout also asks for), and the 20 m resource mesh
 * (森林資源量集計メッシュ) of those trees, its cells cut to the area.
 */
@Component
class ClippedTrees {

    static final String TREES = "tree_points", MESH = "resource_mesh";
    private static final String TREE_STANDARD = "tree_top_points", MESH_STANDARD = "resource_mesh_20m";
    private static final String TREES_INSIDE = """
            select p.* from forest_tree_point p join forestry_application a on ST_Intersects(p.geom, a.area)
            where a.id = :application and p.survey_id = :survey order by p.tree_no""";

    private final StandardTables tables;
    private final JdbcTemplate jdbc;

    ClippedTrees(StandardTables tables, JdbcTemplate jdbc) {
        this.tables = tables;
        this.jdbc = jdbc;
    }

    /** Writes {@code tree_points.gpkg} and {@code tree_points.csv} into the folder; how many trees. */
    int writeTrees(long applicationId, long surveyId, int srid, Path folder) throws IOException {
        StandardTables.Table table = tables.table(TREES, TREE_STANDARD);
        List<StandardTables.Feature> trees = tables.read(table, TREES_INSIDE,
                new MapSqlParameterSource(Map.of("application", applicationId, "survey", surveyId)), srid);
        write(table, trees, srid, folder);
        return trees.size();
    }

    /** Writes {@code resource_mesh.gpkg} and {@code resource_mesh.csv} into the folder; how many cells. */
    int writeMesh(long applicationId, long surveyId, int srid, Path folder) throws IOException {
        StandardTables.Table table = tables.table(MESH, MESH_STANDARD);
        byte[] area = jdbc.queryForObject("select ST_AsBinary(area) from forestry_application where id = ?", byte[].class, applicationId);
        List<StandardTables.Feature> cells = tables.read(table, ResourceMesh.CELLS, ResourceMesh.parameters(surveyId, srid, area), srid);
        write(table, cells, srid, folder);
        return cells.size();
    }

    private void write(StandardTables.Table table, List<StandardTables.Feature> features, int srid, Path folder) throws IOException {
        tables.writeGeoPackage(table, features, srid, folder.resolve(geoPackage(table.layer().id())));
        tables.writeCsv(table, features, folder.resolve(csv(table.layer().id())));
    }

    static String geoPackage(String layer) {
        return layer + ".gpkg";
    }

    static String csv(String layer) {
        return layer + ".csv";
    }
}
