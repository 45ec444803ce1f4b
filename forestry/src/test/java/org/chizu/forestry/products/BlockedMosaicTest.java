package org.chizu.forestry.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * not line up with the tiles, so blocks take points from several files, every tile feeds several
 * blocks, and every edge is a block edge somewhere.
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
    static LaserArchive archive;
    static final List<TileRead> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
    static Grid wholeSlope;

    record TileRead(ArchivedTile tile, long points, int tiles) {
    }

    @BeforeAll
    static void theSurveyMadeInBlocksAndAsOneMosaic() {
        var dataSource = TestDatabase.migrated().dataSource();
        jdbc = new JdbcTemplate(dataSource);
        archive = new LaserArchive(jdbc, new LaserProperties(archiveDirectory));
        survey = archive.survey("blocked", "Chizu");
        SurveyProductsTest.FOREST.writeTiles(surveyDirectory, 40).forEach(tile -> archive.ingest(survey, tile, OptionalInt.empty()));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        made = new SurveyProducts(archive, new ForestResources(jdbc, transaction, new LayerChanges(jdbc, event -> { }, false)), jdbc,
                transaction, new BlockedProducts(BLOCK_CELLS * SurveyProducts.CELL_METRES))
                .make(survey, (tile, points, read, tiles) -> reads.add(new TileRead(tile, points, tiles)));
        whole = SurfaceModels.of(archive.tiles(survey).stream().map(ArchivedTile::file).toList(), SURVEY);
        wholeSlope = Terrain.slope(whole.dem());
    }

    @Test
    void everyProductEqualsTheOneMosaicComputedInMemory() throws Exception {
        ProductRasters.assertEqualToOneMosaic(made, whole, surveyDirectory);
    }

    @Test
    void aRunDecodesEachTileOnceThoughEveryTileFeedsSeveralBlocks() {
        List<ArchivedTile> tiles = archive.tiles(survey);

        assertThat(reads).extracting(read -> read.tile().id()).containsExactlyInAnyOrderElementsOf(tiles.stream().map(ArchivedTile::id).toList());
        for (TileRead read : reads) {
            assertThat(read.points()).as(read.tile().fileName()).isEqualTo(read.tile().pointCount());
        }
        assertThat(reads).extracting(TileRead::tiles).containsOnly(tiles.size());
        BlockSweep sweep = BlockSweep.plan(new BlockGrid(SURVEY, BLOCK_CELLS, bufferCells()).blocks(), tiles, SURVEY,
                BLOCK_CELLS * SurveyProducts.CELL_METRES);
        assertThat(sweep.reached()).as("the blocks each tile's points go to").allSatisfy(blocks -> assertThat(blocks.length).isGreaterThan(1));
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

    private static int bufferCells() {
        return (int) Math.round(BlockedProducts.BUFFER_METRES / SurveyProducts.CELL_METRES);
    }

    private static Grid read(ProductKind kind, int band) throws Exception {
        return ProductRasters.read(made, kind, band, SURVEY, surveyDirectory);
    }
}
