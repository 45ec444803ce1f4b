package org.chizu.gis.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/**
 * An import found problems in its input and imported nothing. Carries every distinct problem
 * found (up to {@link #MAX_REPORTED}; the same problem of many features once, with their count),
 * what the file's columns were taken as, and a layout the file resembles when none was used, so
 * one round of corrections fixes the file.
 */
public class ImportRejectedException extends ProblemException {

    /** More distinct problems than this are counted but not listed. */
    public static final int MAX_REPORTED = 100;

    /** How many of the summary's sentences the problem's detail repeats. */
    private static final int DETAIL_SENTENCES = 3;

    private final String layerId;
    private final List<InputProblem> problems;
    private final int problemCount;
    private final List<String> summary;
    private final Context context;

    /**
     * What the import made of the file's columns before it stopped.
     *
     * @param layout          the layout the file was read with, or null
     * @param suggestedLayout a layout of the layer the file resembles, when none was used; or null
     * @param ignoredColumns  the columns that were not imported
     */
    public record Context(String layout, String suggestedLayout, List<String> ignoredColumns) {

        static final Context NONE = new Context(null, null, List.of());

        public Context {
            ignoredColumns = List.copyOf(ignoredColumns);
        }
    }

    public ImportRejectedException(String layerId, List<InputProblem> problems, int problemCount, List<String> summary,
                                   Context context) {
        super(422, "import-rejected", "The file was not imported", "The file was not imported into layer '" + layerId + "': "
                + problemCount + " problem" + (problemCount == 1 ? "" : "s") + ": "
                + String.join("; ", summary.subList(0, Math.min(DETAIL_SENTENCES, summary.size())))
                + (summary.size() > DETAIL_SENTENCES ? "; …" : ""));
        this.layerId = layerId;
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
        this.summary = List.copyOf(summary);
        this.context = context;
    }

    public String layerId() {
        return layerId;
    }

    /** The distinct problems found, at most {@link #MAX_REPORTED}, each at its first feature with their count. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** How many problems there were in all, counting each feature's. */
    public int problemCount() {
        return problemCount;
    }

    /** One sentence per distinct problem: "all 36 features: no value for `name`; the file has 施設・場所名 — …". */
    public List<String> summary() {
        return summary;
    }

    public Context context() {
        return context;
    }

    @Override
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("layer", layerId);
        members.put("problemCount", problemCount);
        members.put("errors", problems);
        members.put("summary", summary);
        members.put("ignoredColumns", context.ignoredColumns());
        if (context.layout() != null) {
            members.put("layout", context.layout());
        }
        if (context.suggestedLayout() != null) {
            members.put("suggestedLayout", context.suggestedLayout());
        }
        return members;
    }
}
