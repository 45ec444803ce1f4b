package org.chizu.forestry.products;

import java.util.List;

/**
 * A survey's grid cut into blocks ({@link Block#cut}), with the arithmetic that finds, for a cell of
 * the survey, the blocks whose buffered area holds it: one inside a core, up to four near a corner
 * (more when the buffer is wider than a block).
 */
final class BlockGrid {

    /** Where a cell falls in a block's buffered area. */
    @FunctionalInterface
    interface CellInBlock {
        void at(int block, int col, int row);
    }

    private final Grid survey;
    private final int blockCells, bufferCells, across, down;
    private final List<Block> blocks;

    BlockGrid(Grid survey, int blockCells, int bufferCells) {
        this.survey = survey;
        this.blockCells = blockCells;
        this.bufferCells = bufferCells;
        this.blocks = Block.cut(survey, blockCells, bufferCells);
        this.across = Math.ceilDiv(survey.width(), blockCells);
        this.down = Math.ceilDiv(survey.height(), blockCells);
    }

    /** The blocks, row by row from the north-west. */
    List<Block> blocks() {
        return blocks;
    }

    Grid survey() {
        return survey;
    }

    /** Each block whose buffered area holds the survey's cell, with the cell's column and row there. */
    void holding(int col, int row, CellInBlock visitor) {
        int lastRow = Math.min(down - 1, (row + bufferCells) / blockCells);
        int lastCol = Math.min(across - 1, (col + bufferCells) / blockCells);
        for (int blockRow = Math.max(0, Math.floorDiv(row - bufferCells, blockCells)); blockRow <= lastRow; blockRow++) {
            int top = Math.max(0, blockRow * blockCells - bufferCells);
            for (int blockCol = Math.max(0, Math.floorDiv(col - bufferCells, blockCells)); blockCol <= lastCol; blockCol++) {
                visitor.at(blockRow * across + blockCol, col - Math.max(0, blockCol * blockCells - bufferCells), row - top);
            }
        }
    }
}
