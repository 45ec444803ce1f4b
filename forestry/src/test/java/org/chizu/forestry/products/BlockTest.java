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
            Grid core = block.core();
            for (int row = 0; row < core.height(); row++) {
                for (int col = 0; col < core.width(); col++) {
                    covered[PLANE.row(core.centreY(row)) * PLANE.width() + PLANE.column(core.centreX(col))]++;
                }
            }
            assertThat(block.buffered().west()).isBetween(PLANE.west(), core.west());
            assertThat(block.buffered().north()).isBetween(core.north(), PLANE.north());
            assertThat(block.buffered().width()).isLessThanOrEqualTo(core.width() + 10);
        }
        assertThat(blocks).hasSize(4 * 3);
        assertThat(covered).containsOnly(1);
    }

    @Test
    void aGapAcrossABlockEdgeFillsAsInOneMosaic() {
        Grid holed = PLANE.blank();
        System.arraycopy(PLANE.values(), 0, holed.values(), 0, PLANE.values().length);
        for (int row = 10; row < 22; row++) {
            for (int col = 12; col < 21; col++) { // across the edge between the first and second block (column 16)
                holed.set(col, row, Float.NaN);
            }
        }
        Grid whole = GapFill.fill(holed);

        Grid blockwise = PLANE.blank();
        for (Block block : Block.cut(holed, 16, 8)) {
            Grid kept = block.keep(GapFill.fill(Block.crop(holed, block.buffered())));
            paste(kept, blockwise);
        }

        assertThat(blockwise.values()).containsExactly(whole.values());
    }

    @Test
    void aPictureKeepsItsCoreCells() {
        Block block = Block.cut(PLANE, 16, 5).get(5); // second row, second column: a buffer on every side
        int width = block.buffered().width(), height = block.buffered().height();
        byte[][] bands = new byte[1][width * height];
        for (int at = 0; at < bands[0].length; at++) {
            bands[0][at] = (byte) (at % width == 5 && at / width == 5 ? 1 : 0);
        }

        byte[][] kept = block.keep(bands);

        assertThat(kept[0]).hasSize(block.core().width() * block.core().height());
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
