package org.chizu.gis.imports;

import java.util.List;
import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/**
 * An import found problems in its input and imported nothing. Carries every problem found (up to
 * {@link #MAX_REPORTED}), so one round of corrections fixes the file.
 */
public class ImportRejectedException extends ProblemException {

    /** More problems than this are counted but not listed. */
    public static final int MAX_REPORTED = 100;

    private final String layerId;
    private final List<InputProblem> problems;
    private final int problemCount;

    public ImportRejectedException(String layerId, List<InputProblem> problems, int problemCount) {
        super(422, "import-rejected", "The file was not imported", "The file was not imported into layer '" + layerId + "': " + problemCount + " problem"
                + (problemCount == 1 ? "" : "s") + ", the first: " + problems.get(0));
        this.layerId = layerId;
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    public String layerId() {
        return layerId;
    }

    /** The problems found, at most {@link #MAX_REPORTED}. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** How many problems there were in all. */
    public int problemCount() {
        return problemCount;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("layer", layerId, "problemCount", problemCount, "errors", problems);
    }
}
