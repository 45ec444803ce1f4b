package org.chizu.forestry.products;

/**
 * Fills the cells no return fell in (under dense canopy, ground returns are few) from their known
 * neighbours, ring by ring inwards, so a gap takes the mean of its edge rather than a hole; up to a
 * number of rings, so that a cell is filled only from known cells within that many cells of it (and a
 * block with that much buffer fills its core as one mosaic would).
 */
final class GapFill {

    private GapFill() {
    }

    /** The grid with its gaps filled up to {@code rings} cells from known cells; further cells stay NaN. */
    static Grid fill(Grid grid, int rings) {
        Grid current = grid;
        for (int ring = 0; ring < rings; ring++) {
            boolean gaps = false;
            boolean filledAny = false;
            Grid next = new Grid(current.width(), current.height(), current.west(), current.north(), current.cell(),
                    current.values().clone());
            for (int row = 0; row < current.height(); row++) {
                for (int col = 0; col < current.width(); col++) {
                    if (!Float.isNaN(current.get(col, row))) {
                        continue;
                    }
                    double sum = 0;
                    int known = 0;
                    for (int dr = -1; dr <= 1; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
                            int c = col + dc, r = row + dr;
                            if (c >= 0 && r >= 0 && c < current.width() && r < current.height() && !Float.isNaN(current.get(c, r))) {
                                sum += current.get(c, r);
                                known++;
                            }
                        }
                    }
                    if (known > 0) {
                        next.set(col, row, (float) (sum / known));
                        filledAny = true;
                    } else {
                        gaps = true;
                    }
                }
            }
            current = next;
            if (!gaps || !filledAny) {
                break; // all filled, or nothing known at all: leave it empty
            }
        }
        return current;
    }
}
