package org.chizu.forestry.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chizu.forestry.laser.ArchivedTile;
import org.junit.jupiter.api.Test;

class BlockSweepTest {

    static final int BLOCK_CELLS = (int) Math.round(BlockedProducts.BLOCK_METRES / SurveyProducts.CELL_METRES);
    static final int BUFFER_CELLS = (int) Math.round(BlockedProducts.BUFFER_METRES / SurveyProducts.CELL_METRES);

    @Test
    void eachBlockIsFinishedOnceJustAfterTheLastTileItOverlaps() {
        Grid survey = Grid.frame(10_000, 10_000, 0, 5_000, SurveyProducts.CELL_METRES); // 5 km × 5 km
        List<Block> blocks = new BlockGrid(survey, BLOCK_CELLS, BUFFER_CELLS).blocks();
        BlockSweep sweep = BlockSweep.plan(blocks, kilometreTiles(5, 5), survey, BlockedProducts.BLOCK_METRES);

        int[] finishedAt = new int[blocks.size()];
        java.util.Arrays.fill(finishedAt, -1);
        for (int t = 0; t < sweep.tiles().size(); t++) {
            for (int block : sweep.finished().get(t)) {
                assertThat(finishedAt[block]).as("block %d finished twice", block).isEqualTo(-1);
                finishedAt[block] = t;
            }
        }
        for (int block = 0; block < blocks.size(); block++) {
            int last = -1;
            for (int t = 0; t < sweep.tiles().size(); t++) {
                ArchivedTile tile = sweep.tiles().get(t);
                if (blocks.get(block).reads(tile.minX(), tile.minY(), tile.maxX(), tile.maxY())) {
                    last = t;
                }
            }
            assertThat(finishedAt[block]).as("block %d", block).isEqualTo(last);
        }
    }

    @Test
    void theBlocksInFlightAreAtMostThreeRowsAcrossTheNarrowerSide() {
        // 5 km east-west by 20 km north-south, then the same turned: 1 km tiles, 500 m blocks (10 × 40 of them)
        Grid tall = Grid.frame(10_000, 40_000, 0, 20_000, SurveyProducts.CELL_METRES);
        Grid wide = Grid.frame(40_000, 10_000, 0, 5_000, SurveyProducts.CELL_METRES);

        BlockSweep downTheTall = BlockSweep.plan(new BlockGrid(tall, BLOCK_CELLS, BUFFER_CELLS).blocks(), kilometreTiles(5, 20), tall,
                BlockedProducts.BLOCK_METRES);
        BlockSweep acrossTheWide = BlockSweep.plan(new BlockGrid(wide, BLOCK_CELLS, BUFFER_CELLS).blocks(), kilometreTiles(20, 5), wide,
                BlockedProducts.BLOCK_METRES);

        assertThat(downTheTall.peakInFlight()).as("blocks in flight, 10 blocks across").isLessThanOrEqualTo(3 * 10);
        assertThat(acrossTheWide.peakInFlight()).as("blocks in flight, 10 blocks down").isLessThanOrEqualTo(3 * 10);
    }

    @Test
    void aSurveyWiderThanAStripIsSweptInStripsDecodingOnlyTheirEdgeTilesTwice() {
        Grid survey = Grid.frame(40_000, 40_000, 0, 20_000, SurveyProducts.CELL_METRES); // 20 km × 20 km: four strips of 5 km
        List<Block> blocks = new BlockGrid(survey, BLOCK_CELLS, BUFFER_CELLS).blocks();
        List<ArchivedTile> tiles = kilometreTiles(20, 20);

        BlockSweep sweep = BlockSweep.plan(blocks, tiles, survey, BlockedProducts.BLOCK_METRES);

        int[] finishings = new int[blocks.size()];
        sweep.finished().forEach(done -> java.util.Arrays.stream(done).forEach(block -> finishings[block]++));
        assertThat(finishings).as("times each block is finished").containsOnly(1);
        assertThat(sweep.tiles()).containsAll(tiles);
        assertThat(sweep.tiles()).as("decodes: the two tile columns along each of the three strip edges twice").hasSize(400 + 3 * 2 * 20);
        assertThat(sweep.peakInFlight()).as("blocks in flight").isLessThanOrEqualTo(3 * BlockSweep.STRIP_BLOCKS);
    }

    /** Tiles of 1 km with their points' extent a few centimetres inside, as read from real files. */
    private static List<ArchivedTile> kilometreTiles(int across, int down) {
        List<ArchivedTile> tiles = new ArrayList<>();
        for (int row = 0; row < down; row++) {
            for (int col = 0; col < across; col++) {
                double west = col * 1_000, south = row * 1_000;
                String name = (int) west + "_" + (int) south + ".laz";
                tiles.add(new ArchivedTile(tiles.size() + 1, name, Path.of(name), 6671, 1, west + 0.03, south + 0.02, west + 999.98,
                        south + 999.97));
            }
        }
        return tiles;
    }
}
