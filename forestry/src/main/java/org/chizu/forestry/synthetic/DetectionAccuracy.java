package org.chizu.forestry.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chizu.forestry.trees.DetectedTree;

/**
 * How well detected trees match the known ones: pairs closer than a distance are matched nearest
 * first, each tree at most once (the usual one-to-one assessment of tree detection).
 *
 * @param found          the share of known trees matched (recall)
 * @param falsePositives the share of detected trees that match none
 * @param heightRmse     the root-mean-square height error of the matched pairs, in metres
 */
public record DetectionAccuracy(int known, int detected, int matched, double found, double falsePositives, double heightRmse) {

    public static DetectionAccuracy of(List<SyntheticTree> truth, List<DetectedTree> detected, double withinMetres) {
        record Pair(SyntheticTree tree, DetectedTree top, double distance) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (SyntheticTree tree : truth) {
            for (DetectedTree top : detected) {
                double distance = Math.hypot(tree.x() - top.x(), tree.y() - top.y());
                if (distance <= withinMetres) {
                    pairs.add(new Pair(tree, top, distance));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance));
        Set<Integer> usedTrees = new HashSet<>(), usedTops = new HashSet<>();
        double squares = 0;
        for (Pair pair : pairs) {
            if (usedTrees.contains(pair.tree().id()) || usedTops.contains(pair.top().id())) {
                continue;
            }
            usedTrees.add(pair.tree().id());
            usedTops.add(pair.top().id());
            squares += Math.pow(pair.tree().height() - pair.top().height(), 2);
        }
        int matched = usedTrees.size();
        return new DetectionAccuracy(truth.size(), detected.size(), matched, matched / (double) truth.size(),
                detected.isEmpty() ? 0 : (detected.size() - matched) / (double) detected.size(),
                matched == 0 ? Double.NaN : Math.sqrt(squares / matched));
    }

    /** F-score, the harmonic mean of recall and precision, as published methods report it. */
    public double fScore() {
        double precision = 1 - falsePositives;
        return found + precision == 0 ? 0 : 2 * found * precision / (found + precision);
    }

    @Override
    public String toString() {
        return String.format("%d of %d trees found (%.1f %%), %d detected, false positives %.1f %%, height RMSE %.2f m, F = %.3f",
                matched, known, 100 * found, detected, 100 * falsePositives, heightRmse, fScore());
    }
}
