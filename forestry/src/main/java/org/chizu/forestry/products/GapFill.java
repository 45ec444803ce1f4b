package org.chizu.forestry.products;

/**
 * Fills the cells no return fell in (under dense canopy, ground returns are few) from their known
 * neighbours, ring by ring inwards, so a gap takes the mean of its edge rather than a hole.
 */
final class GapFill {

    private GapFill() {
    }

    static Grid fill(Grid grid) {
        Grid current = grid;
        boolean gaps = true;
        while (gaps) {
            gaps = false;
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
            if (!filledAny) {
                break; // nothing known at all: leave it empty
            }
        }
        return current;
    }
}
