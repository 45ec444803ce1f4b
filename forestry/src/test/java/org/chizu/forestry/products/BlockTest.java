package org.chizu.forestry.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BlockTest {

    /** 50 × 40 cells of half a metre over a tilted plane. */
    static final Grid PLANE = plane(50, 40);

    @Test
    void theCoresCoverTheGridOnceAndEachBufferStaysInsideIt() {
        List<Block> blocks = Block.cut(PLANE, 16, 5);
        int[] covered = new int[PLANE.width() * PLANE.height()];
        for (Block block : blocks) {
            Grid core = block.coreGrid();
            for (int row = 0; row < core.height(); row++) {
                for (int col = 0; col < core.width(); col++) {
                    covered[PLANE.row(core.centreY(row)) * PLANE.width() + PLANE.column(core.centreX(col))]++;
                }
            }
            assertThat(block.bufferedGrid().west()).isBetween(PLANE.west(), core.west());
            assertThat(block.bufferedGrid().north()).isBetween(core.north(), PLANE.north());
            assertThat(block.bufferedGrid().width()).isLessThanOrEqualTo(core.width() + 10);
        }
        assertThat(blocks).hasSize(4 * 3);
        assertThat(covered).containsOnly(1);
    }

    @Test
    void aGapAcrossABlockEdgeFillsAsInOneMosaicWhenTheBufferReachesAsFarAsTheFilling() {
        Grid holed = PLANE.blank();
        System.arraycopy(PLANE.values(), 0, holed.values(), 0, PLANE.values().length);
        for (int row = 6; row < 30; row++) {
            for (int col = 6; col < 26; col++) { // 20 cells across the edge between the first and second block (column 16)
                holed.set(col, row, Float.NaN);
            }
        }
        Grid whole = GapFill.fill(holed, 7);

        Grid blockwise = PLANE.blank();
        for (Block block : Block.cut(holed, 16, 7)) {
            Grid kept = block.keep(GapFill.fill(Block.crop(holed, block.bufferedGrid()), 7));
            paste(kept, blockwise);
        }

        assertThat(blockwise.values()).containsExactly(whole.values());
        assertThat(whole.get(16, 18)).as("the gap's middle, 10 cells from its edges").isNaN();
        assertThat(whole.get(12, 18)).as("7 cells in from its west edge").isNotNaN();
    }

    @Test
    void theBlocksHoldingACellAreThoseWhoseBufferedAreaHoldsIt() {
        BlockGrid grid = new BlockGrid(PLANE, 16, 5);
        List<Block> blocks = grid.blocks();
        for (int row = 0; row < PLANE.height(); row++) {
            for (int col = 0; col < PLANE.width(); col++) {
                double x = PLANE.centreX(col), y = PLANE.centreY(row);
                java.util.Set<Integer> holding = new java.util.TreeSet<>();
                grid.holding(col, row, (block, blockCol, blockRow) -> {
                    holding.add(block);
                    assertThat(blocks.get(block).bufferedGrid().column(x)).isEqualTo(blockCol);
                    assertThat(blocks.get(block).bufferedGrid().row(y)).isEqualTo(blockRow);
                });
                java.util.Set<Integer> expected = new java.util.TreeSet<>();
                for (int i = 0; i < blocks.size(); i++) {
                    if (blocks.get(i).bufferedGrid().column(x) >= 0 && blocks.get(i).bufferedGrid().row(y) >= 0) {
                        expected.add(i);
                    }
                }
                assertThat(holding).as("cell %d, %d", col, row).isEqualTo(expected);
            }
        }
    }

    @Test
    void aPictureKeepsItsCoreCells() {
        Block block = Block.cut(PLANE, 16, 5).get(5); // second row, second column: a buffer on every side
        int width = block.bufferedGrid().width(), height = block.bufferedGrid().height();
        byte[][] bands = new byte[1][width * height];
        for (int at = 0; at < bands[0].length; at++) {
            bands[0][at] = (byte) (at % width == 5 && at / width == 5 ? 1 : 0);
        }

        byte[][] kept = block.keep(bands);

        assertThat(kept[0]).hasSize(block.coreGrid().width() * block.coreGrid().height());
        assertThat(kept[0][0]).isEqualTo((byte) 1);
    }

    private static void paste(Grid part, Grid into) {
        for (int row = 0; row < part.height(); row++) {
            for (int col = 0; col < part.width(); col++) {
                into.set(into.column(part.centreX(col)), into.row(part.centreY(row)), part.get(col, row));
            }
        }
    }

    private static Grid plane(int width, int height) {
        Grid grid = Grid.empty(width, height, -70_000, -110_000, 0.5);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                grid.set(col, row, (float) (100 + 0.3 * col - 0.2 * row + Math.sin(col * 0.7) * Math.cos(row * 0.4)));
            }
        }
        return grid;
    }
}
