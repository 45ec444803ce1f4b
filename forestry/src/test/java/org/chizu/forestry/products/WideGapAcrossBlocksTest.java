package org.chizu.forestry.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.laser.LasPoint;
import org.chizu.forestry.laser.LasWriter;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.laser.LaserProperties;
import org.chizu.forestry.trees.ForestResources;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * A hole with no returns at all (a pond, say) 26 m across, over the corner where four 30 m blocks
 * meet, reaching 12 m past each edge: further than the 15 m buffer of old let a block see, so a block
 * would have filled its side of the hole from its own edge alone. Made in blocks, the survey equals
 * the one mosaic, and the hole is filled whole.
 */
class WideGapAcrossBlocksTest {

    static final Grid SURVEY = BlockedMosaicTest.SURVEY;
    /** The hole: 12 to 38 m east of the survey's west edge and south of its north edge; the blocks meet at 30 m. */
    static final double WEST = -70_000 + 12, EAST = -70_000 + 38, NORTH = -109_920 - 12, SOUTH = -109_920 - 38;

    @TempDir
    static Path archiveDirectory;
    @TempDir
    static Path surveyDirectory;
    static List<MadeProduct> made;
    static SurfaceModels whole;

    @BeforeAll
    static void aSurveyWithAHoleMadeInBlocksAndAsOneMosaic() {
        var dataSource = TestDatabase.migrated().dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LaserArchive archive = new LaserArchive(jdbc, new LaserProperties(archiveDirectory));
        long survey = archive.survey("holed", "Chizu");
        SurveyProductsTest.FOREST.writeTiles(surveyDirectory, 40).stream().map(WideGapAcrossBlocksTest::withoutTheHole)
                .forEach(tile -> archive.ingest(survey, tile, OptionalInt.empty()));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        made = new SurveyProducts(archive, new ForestResources(jdbc, transaction, new LayerChanges(jdbc, event -> { }, false)), jdbc,
                transaction, new BlockedProducts(BlockedMosaicTest.BLOCK_CELLS * SurveyProducts.CELL_METRES)).make(survey);
        whole = SurfaceModels.of(archive.tiles(survey).stream().map(ArchivedTile::file).toList(), SURVEY);
    }

    @Test
    void theHoleIsFilledWholeAsInOneMosaic() throws Exception {
        Grid dem = ProductRasters.read(made, ProductKind.DEM, 1, SURVEY, surveyDirectory);
        int empty = 0;
        for (int row = SURVEY.row(NORTH); row <= SURVEY.row(SOUTH + 0.01); row++) {
            for (int col = SURVEY.column(WEST); col <= SURVEY.column(EAST - 0.01); col++) {
                empty += dem.get(col, row) == GeoTiffs.NO_DATA ? 1 : 0;
            }
        }
        assertThat(empty).as("cells of the hole left without a height").isZero();
        assertThat(whole.dem().get(SURVEY.column(WEST + 13), SURVEY.row(NORTH - 13))).as("the hole's middle in one mosaic").isNotNaN();
    }

    @Test
    void everyProductEqualsTheOneMosaicAcrossTheHole() throws Exception {
        ProductRasters.assertEqualToOneMosaic(made, whole, surveyDirectory);
    }

    /** The tile without its points in the hole, beside it. */
    private static Path withoutTheHole(Path tile) {
        Path holed = tile.resolveSibling("holed-" + tile.getFileName());
        LASReader reader = new LASReader(tile.toFile());
        LASHeader header = reader.getHeader();
        try (LasWriter writer = new LasWriter(holed, 6671, header.getXOffset(), header.getYOffset(), header.getZOffset());
                CloseablePointIterable points = reader.getCloseablePoints()) {
            for (LASPoint point : points) {
                double x = header.getXOffset() + point.getX() * header.getXScaleFactor();
                double y = header.getYOffset() + point.getY() * header.getYScaleFactor();
                if (x >= WEST && x < EAST && y >= SOUTH && y < NORTH) {
                    continue;
                }
                writer.write(new LasPoint(x, y, header.getZOffset() + point.getZ() * header.getZScaleFactor(), point.getIntensity(),
                        point.getReturnNumber(), point.getNumberOfReturns(), point.getClassification(), point.getGPSTime()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.delete(tile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return holed;
    }
}
