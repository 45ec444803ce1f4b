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
import org.chizu.forestry.synthetic.SyntheticForest;
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
 * A pond with no returns at all, 30 m across and 120 m long, across the edge between two columns of
 * 50 m blocks, its far shore 17 m west of the eastern block's core: further than the 15 m buffer of
 * old let that block see, so it filled its side of the pond from the eastern shore alone. Made in
 * blocks, the survey now equals the one mosaic, and the pond is filled whole.
 */
class WideGapAcrossBlocksTest {

    /** 160 m × 160 m of synthetic forest in 40 m tiles. */
    static final SyntheticForest FOREST = new SyntheticForest(13, 6671, -70_000, -110_000, 160, 10);
    static final Grid SURVEY = Grid.empty(320, 320, -70_000, -109_840, SurveyProducts.CELL_METRES);
    static final double BLOCK_METRES = 50;
    /** The pond: 33 to 63 m east of the survey's west edge (the blocks meet at 50 m), 20 to 140 m south of its north edge. */
    static final double WEST = -70_000 + 33, EAST = -70_000 + 63, NORTH = -109_840 - 20, SOUTH = -109_840 - 140;

    @TempDir
    static Path archiveDirectory;
    @TempDir
    static Path surveyDirectory;
    static List<MadeProduct> made;
    static SurfaceModels whole;

    @BeforeAll
    static void aSurveyWithAPondMadeInBlocksAndAsOneMosaic() {
        var dataSource = TestDatabase.migrated().dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LaserArchive archive = new LaserArchive(jdbc, new LaserProperties(archiveDirectory));
        long survey = archive.survey("pond", "Chizu");
        FOREST.writeTiles(surveyDirectory, 40).stream().map(WideGapAcrossBlocksTest::withoutThePond)
                .forEach(tile -> archive.ingest(survey, tile, OptionalInt.empty()));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        made = new SurveyProducts(archive, new ForestResources(jdbc, transaction, new LayerChanges(jdbc, event -> { }, false)), jdbc,
                transaction, new BlockedProducts(BLOCK_METRES)).make(survey);
        whole = SurfaceModels.of(archive.tiles(survey).stream().map(ArchivedTile::file).toList(), SURVEY);
    }

    @Test
    void thePondIsFilledWhole() throws Exception {
        Grid dem = ProductRasters.read(made, ProductKind.DEM, 1, SURVEY, surveyDirectory);
        int empty = 0;
        for (int row = SURVEY.row(NORTH); row <= SURVEY.row(SOUTH + 0.01); row++) {
            for (int col = SURVEY.column(WEST); col <= SURVEY.column(EAST - 0.01); col++) {
                empty += dem.get(col, row) == GeoTiffs.NO_DATA ? 1 : 0;
            }
        }
        assertThat(empty).as("cells of the pond left without a height").isZero();
    }

    @Test
    void everyProductEqualsTheOneMosaicAcrossThePond() throws Exception {
        ProductRasters.assertEqualToOneMosaic(made, whole, surveyDirectory);
    }

    /** The tile without its points in the pond, beside it. */
    private static Path withoutThePond(Path tile) {
        Path dried = tile.resolveSibling("pond-" + tile.getFileName());
        LASReader reader = new LASReader(tile.toFile());
        LASHeader header = reader.getHeader();
        try (LasWriter writer = new LasWriter(dried, 6671, header.getXOffset(), header.getYOffset(), header.getZOffset());
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
        return dried;
    }
}
