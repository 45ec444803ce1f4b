package org.chizu.gis.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems found in one import so far. The same problem (field and message) of several
 * features is kept once, at its first feature, with their count, so a file whose every row lacks
 * a column hears of it once. Keeps the first {@link ImportRejectedException#MAX_REPORTED} distinct
 * problems and counts the rest, so a file with many bad rows is still read to the end and its
 * owner learns how many there are.
 */
final class ImportProblems {

    private final String layerId;
    private final Map<Key, Group> groups = new LinkedHashMap<>();
    private final Map<String, String> hints = new LinkedHashMap<>();
    private int count;

    private record Key(String field, String message, boolean ofFeature) {
    }

    private static final class Group {
        final InputProblem first;
        int count = 1;

        Group(InputProblem first) {
            this.first = first;
        }
    }

    ImportProblems(String layerId) {
        this.layerId = layerId;
    }

    void add(InputProblem problem) {
        count++;
        Key key = new Key(problem.field(), problem.message(), problem.line() != null || problem.feature() != null);
        Group group = groups.get(key);
        if (group != null) {
            group.count++;
        } else if (groups.size() < ImportRejectedException.MAX_REPORTED) {
            groups.put(key, new Group(problem));
        }
    }

    /** Adds a sentence to what is said of the problems of a field: what the file may be meant as. */
    void hint(String field, String hint) {
        hints.put(field, hint);
    }

    /** How many problems were found, listed or not. */
    int count() {
        return count;
    }

    boolean any() {
        return count > 0;
    }

    /**
     * @param features how many features were read, to say "all 248 features" of a problem all have
     * @param context  what the file's columns were mapped as, for the refusal to repeat
     * @throws ImportRejectedException when any problem was found
     */
    void rejectIfAny(int features, ImportRejectedException.Context context) {
        if (!any()) {
            return;
        }
        List<InputProblem> listed = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Group group : groups.values()) {
            listed.add(group.first.times(group.count));
            summary.add(sentence(group, features));
        }
        throw new ImportRejectedException(layerId, listed, count, summary, context);
    }

    private String sentence(Group group, int features) {
        InputProblem first = group.first;
        if (group.count == 1) {
            return first.toString() + hintOf(first);
        }
        String which = group.count == features ? "all " + features + " features" : group.count + " of " + features
                + " features (the first at " + first.where() + ")";
        String what = first.field() == null ? first.message()
                : "a value is required".equals(first.message()) ? "no value for `" + first.field() + "`"
                : "field " + first.field() + ": " + first.message();
        return which + ": " + what + hintOf(first);
    }

    private String hintOf(InputProblem problem) {
        String hint = problem.field() == null ? null : hints.get(problem.field());
        return hint == null ? "" : "; " + hint;
    }
}
