package org.chizu.forestry.trees;

import java.util.ArrayList;
import java.util.List;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.changes.LayerChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a survey's forest resources: its tree tops, each with the species of the forest register's
 * sub-compartment (小班) it stands in and an estimated volume, and their sums per 20 m mesh
 * ({@link ResourceMesh}). Both are
 * layers of the registry ({@code tree_points}, {@code resource_mesh}), so maps, feature APIs and
 * downloads (in the 森林資源データ layouts too) come from the declarations. Recording a survey's
 * trees again replaces them.
 */
@Service
public class ForestResources {

    /** The layers declared on the tables kept here. */
    private static final List<String> LAYERS = List.of("tree_points", "resource_mesh");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LayerChanges changes;
    private final VolumeRelations volumes = VolumeRelations.shipped();

    public ForestResources(JdbcTemplate jdbc, TransactionTemplate transaction, LayerChanges changes) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.changes = changes;
    }

    /** Records the trees found in a survey whose canopy model is in the plane zone {@code srid}. */
    public void record(long surveyId, int srid, List<DetectedTree> trees) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from forest_mesh20m where survey_id = ?", surveyId);
            jdbc.update("delete from forest_tree_point where survey_id = ?", surveyId);
            List<Object[]> rows = new ArrayList<>();
            for (DetectedTree tree : trees) {
                rows.add(new Object[] {surveyId, tree.id(), tree.height(), tree.crownAreaSquareMetres(), tree.x(), tree.y(), srid});
            }
            // The species is the forest register's: the sub-compartment of the forests layer the tree stands in.
            jdbc.batchUpdate("""
                    with top as (select ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), ?), 6668) as geom)
                    insert into forest_tree_point (survey_id, tree_no, height_m, crown_area_m2, species, volume_m3, geom)
                    select ?, ?, ?, ?, (select f.species from forests f where ST_Intersects(f.geom, top.geom) limit 1), 0, top.geom
                    from top""", rows.stream().map(row -> new Object[] {row[4], row[5], row[6], row[0], row[1], row[2], row[3]}).toList());
            List<Object[]> estimates = jdbc.query("select id, species, height_m from forest_tree_point where survey_id = ?",
                    (row, n) -> new Object[] {volumes.volume(row.getString("species"), row.getDouble("height_m")), row.getLong("id")}, surveyId);
            jdbc.batchUpdate("update forest_tree_point set volume_m3 = ? where id = ?", estimates);
            new NamedParameterJdbcTemplate(jdbc).update("""
                    insert into forest_mesh20m (survey_id, mesh_code, tree_count, trees_per_ha, mean_height_m, top_height_m,
                        volume_m3, volume_m3_per_ha, main_species, geom)
                    select :survey, mesh_code, tree_count, trees_per_ha, mean_height_m, top_height_m,
                           volume_m3, volume_m3_per_ha, main_species, geom
                    from (""" + ResourceMesh.CELLS + ") cells", ResourceMesh.parameters(surveyId, srid, null));
            LAYERS.forEach(layer -> changes.publishOnCommit(LayerDataChanged.wholeLayer(layer)));
        });
    }
}
