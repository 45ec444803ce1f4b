package org.chizu.gis.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one import so far. Keeps the first
 * {@link ImportRejectedException#MAX_REPORTED} and counts the rest, so a file with many bad rows
 * is still read to the end and its owner learns how many there are.
 */
final class ImportProblems {

    private final String layerId;
    private final List<InputProblem> kept = new ArrayList<>();
    private int count;

    ImportProblems(String layerId) {
        this.layerId = layerId;
    }

    void add(InputProblem problem) {
        count++;
        if (kept.size() < ImportRejectedException.MAX_REPORTED) {
            kept.add(problem);
        }
    }

    /** How many problems were found, listed or not. */
    int count() {
        return count;
    }

    boolean any() {
        return count > 0;
    }

    /** @throws ImportRejectedException when any problem was found */
    void rejectIfAny() {
        if (any()) {
            throw new ImportRejectedException(layerId, kept, count);
        }
    }
}
