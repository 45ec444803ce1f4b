package org.chizu.forestry.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The trees bucketed by a grid as wide as the widest crown, to find the crowns over a point quickly. */
final class CrownIndex {

    private final double cell;
    private final Map<Long, List<SyntheticTree>> buckets = new HashMap<>();

    CrownIndex(List<SyntheticTree> trees) {
        cell = trees.stream().mapToDouble(SyntheticTree::crownRadius).max().orElse(1);
        for (SyntheticTree tree : trees) {
            buckets.computeIfAbsent(key((long) Math.floor(tree.x() / cell), (long) Math.floor(tree.y() / cell)),
                    k -> new ArrayList<>()).add(tree);
        }
    }

    /** The height above ground of the highest crown over a point; 0 where there is none. */
    double canopyHeight(double x, double y) {
        long col = (long) Math.floor(x / cell), row = (long) Math.floor(y / cell);
        double highest = 0;
        for (long dr = -1; dr <= 1; dr++) {
            for (long dc = -1; dc <= 1; dc++) {
                for (SyntheticTree tree : buckets.getOrDefault(key(col + dc, row + dr), List.of())) {
                    double height = tree.crownHeight(Math.hypot(x - tree.x(), y - tree.y()));
                    if (height > highest) {
                        highest = height;
                    }
                }
            }
        }
        return highest;
    }

    private static long key(long col, long row) {
        return col * 1_000_003L + row;
    }
}
