package org.chizu.forestry.trees;

import java.util.ArrayList;
import java.util.List;

import org.chizu.forestry.products.Grid;

/**
 * Finds single trees in a canopy height model: a cell is a tree top where it is the highest within a
 * window that grows with its height (a tall tree's crown is wider, so its neighbours must be further
 * off to count as trees of their own), after a light smoothing that keeps one top per crown. Crowns
 * are then grown from the tops down the canopy, tallest first, each cell joining the top it is
 * reached from while it stays above half that top's height.
 */
public final class TreeTops {

    /** Lower than this is undergrowth or a stump, not a tree forestry counts. */
    public static final double LOWEST_TREE_METRES = 4;

    private TreeTops() {
    }

    /** The window's radius in metres for a top of a height: 0.6 m for a sapling to 2.5 m for a 30 m スギ. */
    static double windowRadius(double height) {
        return Math.max(0.6, Math.min(2.5, 0.3 + 0.075 * height));
    }

    public static List<DetectedTree> find(Grid chm) {
        Grid smooth = smoothed(chm);
        List<int[]> tops = new ArrayList<>();
        for (int row = 0; row < chm.height(); row++) {
            for (int col = 0; col < chm.width(); col++) {
                float height = smooth.get(col, row);
                if (height >= LOWEST_TREE_METRES && highestAround(smooth, col, row, windowRadius(height))) {
                    tops.add(new int[] {col, row});
                }
            }
        }
        int[] crownCells = CrownGrowth.cellsPerTop(chm, tops);
        // Found row by row from the north-west, the tops are already numbered as a map is read.
        List<DetectedTree> trees = new ArrayList<>();
        for (int i = 0; i < tops.size(); i++) {
            int col = tops.get(i)[0], row = tops.get(i)[1];
            trees.add(new DetectedTree(i + 1, chm.centreX(col), chm.centreY(row), highestNear(chm, col, row),
                    crownCells[i] * chm.cell() * chm.cell()));
        }
        return trees;
    }

    /**
     * Whether no cell within the radius is higher; of equal cells, the first in reading order wins,
     * so a flat top gives one tree, not several.
     */
    private static boolean highestAround(Grid grid, int col, int row, double radiusMetres) {
        int reach = (int) Math.ceil(radiusMetres / grid.cell());
        float height = grid.get(col, row);
        for (int dr = -reach; dr <= reach; dr++) {
            for (int dc = -reach; dc <= reach; dc++) {
                int c = col + dc, r = row + dr;
                if ((dr == 0 && dc == 0) || c < 0 || r < 0 || c >= grid.width() || r >= grid.height()
                        || Math.hypot(dc, dr) * grid.cell() > radiusMetres) {
                    continue;
                }
                float other = grid.get(c, r);
                if (other > height || (other == height && (dr < 0 || (dr == 0 && dc < 0)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The unsmoothed canopy's highest cell next to a top: smoothing lowers a pointed conifer top. */
    private static double highestNear(Grid chm, int col, int row) {
        double highest = 0;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                highest = Math.max(highest, chm.clamped(col + dc, row + dr));
            }
        }
        return highest;
    }

    /** A 3×3 weighted mean (1-2-1), enough to merge the spikes of one crown's returns. */
    private static Grid smoothed(Grid chm) {
        Grid smooth = chm.blank();
        for (int row = 0; row < chm.height(); row++) {
            for (int col = 0; col < chm.width(); col++) {
                double sum = 0, weights = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        double weight = (dr == 0 ? 2 : 1) * (dc == 0 ? 2 : 1);
                        sum += weight * chm.clamped(col + dc, row + dr);
                        weights += weight;
                    }
                }
                smooth.set(col, row, (float) (sum / weights));
            }
        }
        return smooth;
    }
}
