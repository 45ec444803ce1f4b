package org.chizu.forestry.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chizu.forestry.products.Grid;
import org.chizu.forestry.products.SurfaceModels;
import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ForestResourcesTest {

    /** 80 m × 80 m in zone III; the register's sub-compartment い (スギ) covers the west half, ろ (ヒノキ) the east. */
    static final SyntheticForest FOREST = new SyntheticForest(3, 6671, -62_000, -102_000, 80, 8);

    @TempDir
    static Path tiles;
    static JdbcTemplate jdbc;
    static List<DetectedTree> trees;
    static long survey;

    @BeforeAll
    static void aSurveyOverTwoSubcompartments() {
        var dataSource = TestDatabase.migrated().dataSource();
        jdbc = new JdbcTemplate(dataSource);
        survey = jdbc.queryForObject("insert into laser_survey (name, surveying_body) values ('test', '益田市') returning id", Long.class);
        jdbc.update("""
                insert into forests (compartment, subcompartment, species, geom) values
                  ('12', 'い', 'スギ', ST_Multi(ST_Transform(ST_MakeEnvelope(-62000, -102000, -61960, -101920, 6671), 6668))),
                  ('12', 'ろ', 'ヒノキ', ST_Multi(ST_Transform(ST_MakeEnvelope(-61960, -102000, -61920, -101920, 6671), 6668)))""");
        Grid chm = SurfaceModels.of(FOREST.writeTiles(tiles, 80), Grid.empty(160, 160, -62_000, -101_920, 0.5)).chm();
        trees = TreeTops.find(chm);
        new ForestResources(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new LayerChanges(jdbc, event -> { }, false)).record(survey, 6671, trees);
    }

    @Test
    void eachTreeTakesTheSpeciesOfTheSubcompartmentItStandsInAndItsVolumeRelation() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select species, height_m, volume_m3, ST_X(ST_Transform(geom, 6671)) as x from forest_tree_point where survey_id = ?""", survey);

        assertThat(rows).hasSize(trees.size());
        VolumeRelations relations = VolumeRelations.shipped();
        for (Map<String, Object> row : rows) {
            double x = (double) row.get("x");
            if (Math.abs(x + 61_960) < 0.5) {
                continue; // on the boundary between the two
            }
            assertThat(row.get("species")).isEqualTo(x < -61_960 ? "スギ" : "ヒノキ");
            assertThat(((Number) row.get("volume_m3")).doubleValue())
                    .isCloseTo(relations.volume((String) row.get("species"), ((Number) row.get("height_m")).doubleValue()), within(1e-3));
        }
    }

    @Test
    void theTwentyMetreMeshSumsTheTreesStandingInIt() {
        Map<String, Object> sums = jdbc.queryForMap("""
                select count(*) as meshes, sum(tree_count) as trees, bool_and(top_height_m >= mean_height_m) as top_over_mean,
                       bool_and(abs(trees_per_ha - tree_count / 0.04) < 0.01) as density,
                       bool_and(abs(ST_Area(ST_Transform(geom, 6671)) - 400) < 0.01) as square
                from forest_mesh20m where survey_id = ?""", survey);

        assertThat(((Number) sums.get("meshes")).intValue()).isEqualTo(16);
        assertThat(((Number) sums.get("trees")).intValue()).isEqualTo(trees.size());
        assertThat(sums).containsEntry("top_over_mean", true).containsEntry("density", true).containsEntry("square", true);
    }

    @Test
    void theSubcompartmentsSumTheirTrees() {
        ForestResources resources = new ForestResources(jdbc, null, null);

        List<Map<String, Object>> stands = resources.perSubcompartment(survey);

        assertThat(stands).extracting(stand -> stand.get("subcompartment")).containsExactly("い", "ろ");
        assertThat(stands.stream().mapToLong(stand -> ((Number) stand.get("tree_count")).longValue()).sum())
                .isBetween(trees.size() - 10L, (long) trees.size());
    }
}
