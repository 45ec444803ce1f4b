package org.chizu.forestry.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.laser.LaserProperties;
import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.forestry.synthetic.SyntheticTree;
import org.chizu.forestry.trees.ForestResources;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SurveyProductsTest {

    /** 80 m × 80 m of synthetic forest in JGD2011 zone III (EPSG:6671), in four tiles. */
    static final SyntheticForest FOREST = new SyntheticForest(11, 6671, -70_000, -110_000, 80, 10);

    @TempDir
    static Path archiveDirectory;
    @TempDir
    static Path surveyDirectory;
    static JdbcTemplate jdbc;
    static List<MadeProduct> made;

    @BeforeAll
    static void aSurveyWithItsProducts() {
        var dataSource = TestDatabase.migrated().dataSource();
        jdbc = new JdbcTemplate(dataSource);
        LaserArchive archive = new LaserArchive(jdbc, new LaserProperties(archiveDirectory));
        long survey = archive.survey("synthetic", "Chizu");
        FOREST.writeTiles(surveyDirectory, 40).forEach(tile -> archive.ingest(survey, tile, OptionalInt.empty()));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        made = new SurveyProducts(archive, new ForestResources(jdbc, transaction, new LayerChanges(jdbc, event -> { }, false)), jdbc, transaction).make(survey);
    }

    @Test
    void everyProductIsACloudOptimizedGeoTiffThatGdalPlacesInZoneIII() throws Exception {
        assertThat(made).extracting(MadeProduct::kind).containsExactly(ProductKind.values());
        for (MadeProduct product : made) {
            JsonNode info = gdalinfo(product.file());

            assertThat(info.at("/metadata/IMAGE_STRUCTURE/LAYOUT").asText()).as(product.kind().id).isEqualTo("COG");
            assertThat(info.at("/coordinateSystem/wkt").asText()).contains("JGD2011").contains("Japan Plane Rectangular CS III");
            assertThat(info.at("/cornerCoordinates/upperLeft/0").asDouble()).isCloseTo(-70_000, within(0.5));
            assertThat(info.at("/cornerCoordinates/upperLeft/1").asDouble()).isCloseTo(-109_920, within(0.5));
            assertThat(info.at("/cornerCoordinates/lowerRight/0").asDouble()).isCloseTo(-69_920, within(0.5));
            assertThat(info.at("/cornerCoordinates/lowerRight/1").asDouble()).isCloseTo(-110_000, within(0.5));
            assertThat(info.at("/bands").size()).isEqualTo(product.kind() == ProductKind.CS_RELIEF ? 3 : 1);
        }
        assertThat(jdbc.queryForObject("select count(*) from laser_product", Integer.class)).isEqualTo(6);
    }

    @Test
    void theTerrainModelFollowsTheTrueGroundUnderTheTrees() throws Exception {
        List<double[]> places = new ArrayList<>();
        for (double x = -69_990; x < -69_930; x += 7.3) {
            for (double y = -109_990; y < -109_930; y += 6.1) {
                places.add(new double[] {x, y});
            }
        }
        double[] dem = sample(product(ProductKind.DEM), places);
        for (int i = 0; i < places.size(); i++) {
            double[] place = places.get(i);
            assertThat(dem[i]).as("DEM at %.1f, %.1f", place[0], place[1]).isCloseTo(FOREST.ground(place[0], place[1]), within(0.3));
        }
    }

    @Test
    void theCanopyHeightAtATreeTopIsTheTreesHeight() throws Exception {
        List<SyntheticTree> trees = FOREST.trees().stream().filter(tree -> tree.x() > -69_990 && tree.x() < -69_930
                && tree.y() > -109_990 && tree.y() < -109_930).toList();
        List<double[]> around = new ArrayList<>();
        for (SyntheticTree tree : trees) {
            for (double dx = -0.5; dx <= 0.5; dx += 0.5) {
                for (double dy = -0.5; dy <= 0.5; dy += 0.5) {
                    around.add(new double[] {tree.x() + dx, tree.y() + dy});
                }
            }
        }
        double[] chm = sample(product(ProductKind.CHM), around);
        double squares = 0;
        for (int i = 0; i < trees.size(); i++) {
            double top = java.util.Arrays.stream(chm, i * 9, i * 9 + 9).max().orElseThrow();
            assertThat(top).as("the highest cell at tree %d", trees.get(i).id()).isCloseTo(trees.get(i).height(), within(1.5));
            squares += (top - trees.get(i).height()) * (top - trees.get(i).height());
        }
        assertThat(Math.sqrt(squares / trees.size())).as("RMSE of tree tops in the CHM (m)").isLessThan(0.5);
    }

    private static Path product(ProductKind kind) {
        return made.stream().filter(product -> product.kind() == kind).findFirst().orElseThrow().file();
    }

    /** The raster's values at places, read by GDAL. */
    private static double[] sample(Path raster, List<double[]> places) throws Exception {
        Process process = new ProcessBuilder("gdallocationinfo", "-valonly", "-geoloc", raster.toString()).start();
        try (var input = process.getOutputStream()) {
            for (double[] place : places) {
                input.write((place[0] + " " + place[1] + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String[] values = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+");
        assertThat(process.waitFor()).isZero();
        assertThat(values).hasSize(places.size());
        return java.util.Arrays.stream(values).mapToDouble(Double::parseDouble).toArray();
    }

    private static JsonNode gdalinfo(Path raster) throws Exception {
        return new ObjectMapper().readTree(run("gdalinfo", "-json", raster.toString()));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

}
