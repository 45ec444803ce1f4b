package org.chizu.forestry.products;

/**
 * What the returns that fell in each cell of a grid add up to, as they are read: the sum and count of
 * ground returns (ASPRS class 2) and the highest first return. Enough to make the surface models of
 * the grid once every point that can fall in it has been added: 16 bytes a cell.
 */
final class ReturnSums {

    /** The highest first return per cell; also the grid's place and size. */
    private final Grid highestFirst;
    private final double[] groundSum;
    private final int[] groundCount;

    /** Sums over an empty grid, which becomes the highest first returns. */
    ReturnSums(Grid empty) {
        this.highestFirst = empty;
        this.groundSum = new double[empty.width() * empty.height()];
        this.groundCount = new int[groundSum.length];
    }

    /** Adds a return at a place (metres); one outside the grid is left out. */
    void add(double x, double y, float z, boolean ground, boolean first) {
        int col = highestFirst.column(x), row = highestFirst.row(y);
        if (col >= 0 && row >= 0) {
            addAt(col, row, z, ground, first);
        }
    }

    /** Adds a return known to fall in a cell of the grid. */
    void addAt(int col, int row, float z, boolean ground, boolean first) {
        int at = row * highestFirst.width() + col;
        if (ground) {
            groundSum[at] += z;
            groundCount[at]++;
        }
        if (first && !(highestFirst.values()[at] >= z)) {
            highestFirst.values()[at] = z;
        }
    }

    /** The DEM (mean ground height per cell), the DSM (highest first return) and the CHM, gaps filled. */
    SurfaceModels models() {
        Grid dem = highestFirst.blank();
        for (int at = 0; at < groundSum.length; at++) {
            if (groundCount[at] > 0) {
                dem.values()[at] = (float) (groundSum[at] / groundCount[at]);
            }
        }
        Grid filledDem = GapFill.fill(dem, SurfaceModels.GAP_FILL_RINGS);
        Grid filledDsm = GapFill.fill(highestFirst, SurfaceModels.GAP_FILL_RINGS);
        Grid chm = highestFirst.blank();
        for (int at = 0; at < chm.values().length; at++) {
            chm.values()[at] = Math.max(0, filledDsm.values()[at] - filledDem.values()[at]);
        }
        return new SurfaceModels(filledDem, filledDsm, chm);
    }
}
