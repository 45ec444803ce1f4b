package org.chizu.forestry.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

class SyntheticForestTest {

    /** 100 m × 100 m in JGD2011 zone III, at 8 pulses a square metre. */
    private static final SyntheticForest FOREST = new SyntheticForest(42, 6671, -80_000, -120_000, 100, 8);

    @Test
    void theSameSeedMakesTheSameSurveyByteForByte(@TempDir Path first, @TempDir Path second) throws Exception {
        List<Path> tiles = FOREST.writeTiles(first, 50);
        List<Path> again = FOREST.writeTiles(second, 50);

        assertThat(tiles).hasSize(4);
        for (int i = 0; i < tiles.size(); i++) {
            assertThat(Files.mismatch(tiles.get(i), again.get(i))).as("%s", tiles.get(i).getFileName()).isEqualTo(-1);
        }
        assertThat(FOREST.trees()).isEqualTo(FOREST.trees());
    }

    @Test
    void aTileReadsBackWithLaszip4jAtASurveysDensityWithGroundAndCanopyClassified(@TempDir Path directory) {
        Path tile = FOREST.writeTiles(directory, 100).get(0);

        LASReader reader = new LASReader(tile.toFile());
        LASHeader header = reader.getHeader();
        List<double[]> ground = new ArrayList<>();
        long points = 0, vegetation = 0;
        for (LASPoint point : reader.getPoints()) {
            points++;
            double x = header.getXOffset() + point.getX() * header.getXScaleFactor();
            double y = header.getYOffset() + point.getY() * header.getYScaleFactor();
            double z = header.getZOffset() + point.getZ() * header.getZScaleFactor();
            if (point.getClassification() == 2) {
                ground.add(new double[] {x, y, z});
            } else if (point.getClassification() == 5) {
                vegetation++;
            }
        }

        assertThat(header.getVersionMajor()).isEqualTo((byte) 1);
        assertThat(header.getVersionMinor()).isEqualTo((byte) 2);
        assertThat(Integer.toUnsignedLong(header.getLegacyNumberOfPointRecords())).isEqualTo(points);
        assertThat(points / (100.0 * 100.0)).as("points per m²").isBetween(4.0, 16.0);
        assertThat(vegetation).as("the canopy returns").isGreaterThan(points / 3);
        assertThat(ground).as("ground returns").hasSizeGreaterThan((int) (points / 10));
        for (double[] point : ground.subList(0, 500)) {
            assertThat(point[2]).isCloseTo(FOREST.ground(point[0], point[1]), within(0.3));
        }
        assertThat(header.getMinX()).isGreaterThanOrEqualTo(-80_000.0);
        assertThat(header.getMaxY()).isLessThanOrEqualTo(-119_900.0);
    }

    @Test
    void theTallestReturnOverATreeIsItsTop(@TempDir Path directory) {
        Path tile = FOREST.writeTiles(directory, 100).get(0);
        SyntheticTree tree = FOREST.trees().get(55);
        LASReader reader = new LASReader(tile.toFile());
        LASHeader header = reader.getHeader();

        double highest = Double.NEGATIVE_INFINITY;
        for (LASPoint point : reader.getPoints()) {
            double x = header.getXOffset() + point.getX() * header.getXScaleFactor();
            double y = header.getYOffset() + point.getY() * header.getYScaleFactor();
            if (Math.hypot(x - tree.x(), y - tree.y()) < 0.5) {
                highest = Math.max(highest, header.getZOffset() + point.getZ() * header.getZScaleFactor());
            }
        }

        assertThat(highest - FOREST.ground(tree.x(), tree.y())).isCloseTo(tree.height(), within(1.0));
    }
}
