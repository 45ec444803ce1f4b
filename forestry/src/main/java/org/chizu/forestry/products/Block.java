package org.chizu.forestry.products;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a survey's grid that products are computed for on their own, so that memory is bounded
 * by a block, not by the survey: its core, the cells it contributes to the mosaic, and around it a
 * buffer of cells it reads but does not keep, so that what reaches over its edge (gap filling, the
 * slope's 3×3 window, the curvature's radius, tree crowns) sees the same neighbours it would in one
 * mosaic. Invariant: both areas are aligned with the survey's grid, the core lies inside the buffered
 * area, and the buffered area inside the survey's. A block holds no cells of its own until asked for
 * a grid, so a large survey's blocks cost nothing while they wait.
 *
 * @param survey the survey's grid (only its place and cell size are read)
 * @param core   the cells the block contributes: column, row, width and height in the survey's grid
 * @param buffered the core and its buffer, clipped to the survey's grid, likewise
 */
record Block(Grid survey, Cells core, Cells buffered) {

    /** A rectangle of a survey's cells. */
    record Cells(int col, int row, int width, int height) {
    }

    /**
     * The survey's grid cut into blocks of {@code blockCells} × {@code blockCells} (smaller along the
     * east and south edges), row by row from the north-west; their cores cover it once.
     */
    static List<Block> cut(Grid survey, int blockCells, int bufferCells) {
        if (blockCells < 1 || bufferCells < 0) {
            throw new IllegalArgumentException("a block needs at least one cell and a buffer of none or more: " + blockCells + ", " + bufferCells);
        }
        List<Block> blocks = new ArrayList<>();
        for (int row = 0; row < survey.height(); row += blockCells) {
            for (int col = 0; col < survey.width(); col += blockCells) {
                int width = Math.min(blockCells, survey.width() - col), height = Math.min(blockCells, survey.height() - row);
                int fromCol = Math.max(0, col - bufferCells), fromRow = Math.max(0, row - bufferCells);
                int toCol = Math.min(survey.width(), col + width + bufferCells), toRow = Math.min(survey.height(), row + height + bufferCells);
                blocks.add(new Block(survey, new Cells(col, row, width, height), new Cells(fromCol, fromRow, toCol - fromCol, toRow - fromRow)));
            }
        }
        return blocks;
    }

    /** The core, a new empty grid. */
    Grid coreGrid() {
        return part(core);
    }

    /** The core and its buffer, a new empty grid. */
    Grid bufferedGrid() {
        return part(buffered);
    }

    /** The core's cells of a grid over the buffered area. */
    Grid keep(Grid computed) {
        return crop(computed, coreGrid());
    }

    /** The core's cells of a picture (bands of bytes) over the buffered area. */
    byte[][] keep(byte[][] bands) {
        int fromCol = offsetColumns(), fromRow = offsetRows();
        byte[][] kept = new byte[bands.length][core.width() * core.height()];
        for (int band = 0; band < bands.length; band++) {
            for (int row = 0; row < core.height(); row++) {
                System.arraycopy(bands[band], (row + fromRow) * buffered.width() + fromCol, kept[band], row * core.width(), core.width());
            }
        }
        return kept;
    }

    /** Whether a place (metres) falls in the core, its west and north edges included. */
    boolean inCore(double x, double y) {
        int col = (int) Math.floor((x - survey.west()) / survey.cell()), row = (int) Math.floor((survey.north() - y) / survey.cell());
        return col >= core.col() && col < core.col() + core.width() && row >= core.row() && row < core.row() + core.height();
    }

    /** Whether the buffered area overlaps a box (a tile's extent, metres). */
    boolean reads(double minX, double minY, double maxX, double maxY) {
        double west = survey.west() + buffered.col() * survey.cell(), north = survey.north() - buffered.row() * survey.cell();
        double east = west + buffered.width() * survey.cell(), south = north - buffered.height() * survey.cell();
        return minX <= east && maxX >= west && minY <= north && maxY >= south;
    }

    /** The cells of a grid within an aligned, smaller area. */
    static Grid crop(Grid grid, Grid area) {
        int fromCol = (int) Math.round((area.west() - grid.west()) / grid.cell());
        int fromRow = (int) Math.round((grid.north() - area.north()) / grid.cell());
        Grid cropped = area.blank();
        for (int row = 0; row < area.height(); row++) {
            System.arraycopy(grid.values(), (row + fromRow) * grid.width() + fromCol, cropped.values(), row * area.width(), area.width());
        }
        return cropped;
    }

    private int offsetColumns() {
        return core.col() - buffered.col();
    }

    private int offsetRows() {
        return core.row() - buffered.row();
    }

    private Grid part(Cells cells) {
        return Grid.empty(cells.width(), cells.height(), survey.west() + cells.col() * survey.cell(), survey.north() - cells.row() * survey.cell(),
                survey.cell());
    }
}
