package org.chizu.forestry.trees;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

import org.chizu.forestry.products.Grid;

/** Grows crowns outwards from their tops over the canopy (a simple flood, downhill only). */
final class CrownGrowth {

    /** A crown ends where the canopy falls below this share of its top's height. */
    private static final double CROWN_BASE_SHARE = 0.5;

    private CrownGrowth() {
    }

    /** How many cells each top's crown takes, in the order of the tops. */
    static int[] cellsPerTop(Grid chm, List<int[]> tops) {
        int[] owner = new int[chm.width() * chm.height()];
        Arrays.fill(owner, -1);
        ArrayDeque<int[]> frontier = new ArrayDeque<>();
        for (int i = 0; i < tops.size(); i++) {
            int[] top = tops.get(i);
            owner[top[1] * chm.width() + top[0]] = i;
            frontier.add(new int[] {top[0], top[1], i});
        }
        int[] cells = new int[tops.size()];
        Arrays.fill(cells, 1);
        while (!frontier.isEmpty()) {
            int[] cell = frontier.poll();
            int col = cell[0], row = cell[1], tree = cell[2];
            int[] top = tops.get(tree);
            double floor = chm.get(top[0], top[1]) * CROWN_BASE_SHARE;
            float here = chm.get(col, row);
            for (int[] step : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                int c = col + step[0], r = row + step[1];
                if (c < 0 || r < 0 || c >= chm.width() || r >= chm.height() || owner[r * chm.width() + c] >= 0) {
                    continue;
                }
                float next = chm.get(c, r);
                if (next >= floor && next <= here + 0.3) {
                    owner[r * chm.width() + c] = tree;
                    cells[tree]++;
                    frontier.add(new int[] {c, r, tree});
                }
            }
        }
        return cells;
    }
}
