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

    /**
     * 80 m × 80 m in zone III, one tile; the register's sub-compartment い (スギ) covers the west half, ろ
     * (ヒノキ) the east, and は lies north of them, outside the survey.
     */
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
                  ('12', 'ろ', 'ヒノキ', ST_Multi(ST_Transform(ST_MakeEnvelope(-61960, -102000, -61920, -101920, 6671), 6668))),
                  ('12', 'は', 'スギ', ST_Multi(ST_Transform(ST_MakeEnvelope(-62000, -101920, -61920, -101880, 6671), 6668)))""");
        jdbc.update("""
                insert into laser_tile (survey_id, file_name, sha256, byte_size, compressed, las_version, point_format, point_count,
                    srid, crs_source, min_x, min_y, min_z, max_x, max_y, max_z, footprint, points_per_m2, class_counts,
                    first_returns, last_returns)
                values (?, 'forest.las', repeat('a', 64), 1, false, '1.4', 6, 1, 6671, 'declared', -62000, -102000, 0, -61920, -101920, 40,
                    ST_Transform(ST_MakeEnvelope(-62000, -102000, -61920, -101920, 6671), 6668), 8, '{}', 1, 1)""", survey);
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
    void eachSurveyedSubcompartmentHasItsTreesInFiguresWithTheVolumeAnEstimate() {
        List<StandFigure> stands = new StandFigures(jdbc).ofSurvey(survey);

        assertThat(stands).extracting(StandFigure::subcompartment).as("は only touches the survey").containsExactly("い", "ろ");
        assertThat(stands.stream().mapToLong(StandFigure::treeCount).sum())
                .as("every tree once, but those on the line between い and ろ in both")
                .isBetween((long) trees.size(), trees.size() + 10L);
        for (StandFigure stand : stands) {
            List<Double> heights = heightsIn(stand.compartmentId());
            assertThat(stand.surveyName()).isEqualTo("test");
            assertThat(stand.areaHa()).isCloseTo(0.32, within(0.005));
            assertThat(stand.surveyedShare()).isCloseTo(1.0, within(0.01));
            assertThat(stand.treeCount()).isEqualTo(heights.size());
            assertThat(stand.treesPerHa()).isCloseTo(heights.size() / 0.32, within(1.0));
            assertThat(stand.meanHeightM()).isCloseTo(heights.stream().mapToDouble(h -> h).average().orElseThrow(), within(0.06));
            assertThat(stand.topHeightM()).as("上層樹高: the tallest 32 trees of 0.32 ha")
                    .isCloseTo(heights.stream().limit(32).mapToDouble(h -> h).average().orElseThrow(), within(0.06))
                    .isGreaterThanOrEqualTo(stand.meanHeightM());
            assertThat(stand.volumeM3Estimate()).isPositive();
            assertThat(stand.volumeM3PerHaEstimate()).isCloseTo(stand.volumeM3Estimate() / 0.32, within(1.0));
        }
    }

    @Test
    void oneSubcompartmentIsReadByEachSurveyCoveringItAndByNoneOutsideThem() {
        long i = jdbc.queryForObject("select id from forests where subcompartment = 'い'", Long.class);
        long ha = jdbc.queryForObject("select id from forests where subcompartment = 'は'", Long.class);
        StandFigures figures = new StandFigures(jdbc);

        assertThat(figures.ofCompartment(i)).singleElement().satisfies(stand -> {
            assertThat(stand.species()).isEqualTo("スギ");
            assertThat(stand.surveyId()).isEqualTo(survey);
            assertThat(stand.treeCount()).isEqualTo(heightsIn(i).size());
        });
        assertThat(figures.ofCompartment(ha)).isEmpty();
    }

    /** The heights of the survey's trees in a sub-compartment, tallest first, as the tree table holds them. */
    private static List<Double> heightsIn(long compartmentId) {
        return jdbc.queryForList("""
                select t.height_m::float8 from forest_tree_point t join forests f on ST_Intersects(f.geom, t.geom)
                where t.survey_id = ? and f.id = ? order by t.height_m desc""", Double.class, survey, compartmentId);
    }
}
