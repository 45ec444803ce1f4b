package org.chizu.forestry.trees;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.chizu.forestry.products.Grid;
import org.chizu.forestry.products.SurfaceModels;
import org.chizu.forestry.synthetic.DetectionAccuracy;
import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.forestry.synthetic.SyntheticTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeTopsTest {

    @Test
    void treesOfTheSyntheticForestAreFoundWhereAndAsTallAsTheyStand(@TempDir Path directory) {
        SyntheticForest forest = new SyntheticForest(5, 6671, -60_000, -100_000, 120, 8);
        List<Path> tiles = forest.writeTiles(directory, 60);
        Grid chm = SurfaceModels.of(tiles, Grid.empty(240, 240, -60_000, -99_880, 0.5)).chm();

        List<DetectedTree> detected = TreeTops.find(chm);
        // trees whose crowns the survey's edge cuts are not whole in the canopy model
        List<SyntheticTree> inside = forest.trees().stream().filter(tree -> tree.x() > -59_997 && tree.x() < -59_883
                && tree.y() > -99_997 && tree.y() < -99_883).toList();
        List<DetectedTree> detectedInside = detected.stream().filter(top -> top.x() > -59_997 && top.x() < -59_883
                && top.y() > -99_997 && top.y() < -99_883).toList();
        DetectionAccuracy accuracy = DetectionAccuracy.of(inside, detectedInside, 1.5);

        assertThat(accuracy.found()).as("%s", accuracy).isGreaterThanOrEqualTo(0.9);
        assertThat(accuracy.falsePositives()).as("%s", accuracy).isLessThanOrEqualTo(0.1);
        assertThat(accuracy.heightRmse()).as("%s", accuracy).isLessThanOrEqualTo(0.5);
        assertThat(detected).allSatisfy(top -> assertThat(top.crownAreaSquareMetres()).isPositive());
    }
}
