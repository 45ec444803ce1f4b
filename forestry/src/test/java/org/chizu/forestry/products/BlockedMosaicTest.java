package org.chizu.forestry.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.laser.LaserProperties;
import org.chizu.forestry.trees.ForestResources;
import org.chizu.forestry.trees.TreeTops;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The products made block by block and mosaicked by GDAL against the same survey computed as one
 * mosaic in memory: 80 m × 80 m of synthetic forest in four 40 m tiles, cut into 30 m blocks that do
 * not line up with the tiles, so blocks read several files and every edge is a block edge somewhere.
 */
class BlockedMosaicTest {

    /** The survey's grid: 160 × 160 half-metre cells, north-west corner at (-70,000, -109,920). */
    static final Grid SURVEY = Grid.empty(160, 160, -70_000, -109_920, SurveyProducts.CELL_METRES);
    static final int BLOCK_CELLS = 60;

    @TempDir
    static Path archiveDirectory;
    @TempDir
    static Path surveyDirectory;
    static JdbcTemplate jdbc;
    static List<MadeProduct> made;
    static long survey;
    static SurfaceModels whole;
    static Grid wholeSlope;

    @BeforeAll
    static void theSurveyMadeInBlocksAndAsOneMosaic() {
        var dataSource = TestDatabase.migrated().dataSource();
        jdbc = new JdbcTemplate(dataSource);
        LaserArchive archive = new LaserArchive(jdbc, new LaserProperties(archiveDirectory));
        survey = archive.survey("blocked", "Chizu");
        SurveyProductsTest.FOREST.writeTiles(surveyDirectory, 40).forEach(tile -> archive.ingest(survey, tile, OptionalInt.empty()));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        made = new SurveyProducts(archive, new ForestResources(jdbc, transaction, new LayerChanges(jdbc, event -> { }, false)), jdbc,
                transaction, new BlockedProducts(BLOCK_CELLS * SurveyProducts.CELL_METRES)).make(survey);
        whole = SurfaceModels.of(archive.tiles(survey).stream().map(ArchivedTile::file).toList(), SURVEY);
        wholeSlope = Terrain.slope(whole.dem());
    }

    @Test
    void everyProductEqualsTheOneMosaicComputedInMemory() throws Exception {
        assertThat(maxDifference(read(ProductKind.DEM, 1), whole.dem())).as("DEM (m)").isLessThan(0.001);
        assertThat(maxDifference(read(ProductKind.DSM, 1), whole.dsm())).as("DSM (m)").isLessThan(0.001);
        assertThat(maxDifference(read(ProductKind.CHM, 1), whole.chm())).as("CHM (m)").isLessThan(0.001);
        assertThat(maxDifference(read(ProductKind.SLOPE, 1), wholeSlope)).as("slope (°)").isLessThan(0.01);
        assertThat(maxDifference(read(ProductKind.HILLSHADE, 1), Terrain.hillshade(whole.dem()))).as("hillshade").isLessThan(0.01);
        byte[][] relief = CsRelief.render(wholeSlope, Terrain.curvature(whole.dem(), 10));
        for (int band = 0; band < 3; band++) {
            Grid expected = SURVEY.blank();
            for (int at = 0; at < expected.values().length; at++) {
                expected.values()[at] = Byte.toUnsignedInt(relief[band][at]);
            }
            assertThat(maxDifference(read(ProductKind.CS_RELIEF, band + 1), expected)).as("CS relief band %d", band + 1).isZero();
        }
    }

    @Test
    void theCellsEitherSideOfEveryBlockEdgeJoinWithoutASeam() throws Exception {
        Grid dem = read(ProductKind.DEM, 1);
        Grid slope = read(ProductKind.SLOPE, 1);
        for (int edge = BLOCK_CELLS; edge < SURVEY.width(); edge += BLOCK_CELLS) {
            for (int along = 0; along < SURVEY.height(); along++) {
                for (int side = edge - 1; side <= edge; side++) {
                    assertThat(dem.get(side, along)).as("DEM west/east of the edge at column %d, row %d", side, along)
                            .isCloseTo(whole.dem().get(side, along), org.assertj.core.data.Offset.offset(0.001f));
                    assertThat(dem.get(along, side)).as("DEM north/south of the edge at row %d, column %d", side, along)
                            .isCloseTo(whole.dem().get(along, side), org.assertj.core.data.Offset.offset(0.001f));
                    assertThat(slope.get(side, along)).isCloseTo(wholeSlope.get(side, along), org.assertj.core.data.Offset.offset(0.01f));
                }
            }
        }
    }

    @Test
    void theTreesFoundInBlocksAreTheTreesFoundInOneMosaicInTheSameOrder() {
        var inOneMosaic = TreeTops.find(whole.chm());
        var inBlocks = jdbc.query("""
                select tree_no, ST_X(ST_Transform(geom, 6671)), ST_Y(ST_Transform(geom, 6671)), height_m, crown_area_m2
                from forest_tree_point where survey_id = ? order by tree_no""",
                (row, n) -> new double[] {row.getInt(1), row.getDouble(2), row.getDouble(3), row.getDouble(4), row.getDouble(5)}, survey);

        assertThat(inBlocks).hasSameSizeAs(inOneMosaic);
        for (int i = 0; i < inOneMosaic.size(); i++) {
            var expected = inOneMosaic.get(i);
            assertThat(inBlocks.get(i)).as("tree %d", expected.id()).containsExactly(new double[] {expected.id(), expected.x(), expected.y(),
                    expected.height(), expected.crownAreaSquareMetres()}, org.assertj.core.data.Offset.offset(0.001));
        }
    }

    /** The largest difference between the mosaic and the grid, over cells where either has a value. */
    private static double maxDifference(Grid mosaic, Grid expected) {
        double largest = 0;
        for (int at = 0; at < expected.values().length; at++) {
            largest = Math.max(largest, Math.abs(mosaic.values()[at] - expected.values()[at]));
        }
        return largest;
    }

    /** A band of a product's COG, read back by GDAL as ASCII grid text. */
    private static Grid read(ProductKind kind, int band) throws Exception {
        Path file = made.stream().filter(product -> product.kind() == kind).findFirst().orElseThrow().file();
        Path text = Files.createTempFile(surveyDirectory, kind.id, ".asc");
        Process gdal = new ProcessBuilder("gdal_translate", "-q", "-of", "AAIGrid", "-b", String.valueOf(band), file.toString(), text.toString())
                .redirectErrorStream(true).start();
        String output = new String(gdal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gdal.waitFor()).as(output).isZero();
        List<String> lines = Files.readAllLines(text);
        Grid grid = SURVEY.blank();
        int at = 0;
        for (String line : lines) {
            if (Character.isLetter(line.charAt(0))) {
                continue; // ncols, nrows, xllcorner … and NODATA_value
            }
            for (String value : line.strip().split("\\s+")) {
                grid.values()[at++] = Float.parseFloat(value);
            }
        }
        assertThat(at).as("cells of " + kind.id).isEqualTo(SURVEY.width() * SURVEY.height());
        assertThat(Arrays.stream(lines.getFirst().split("\\s+")).toList()).contains(String.valueOf(SURVEY.width()));
        return grid;
    }
}
