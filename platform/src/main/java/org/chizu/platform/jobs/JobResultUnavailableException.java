package org.chizu.platform.jobs;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** A result asked for before the job is done or of a job that made none (409), or after it expired (410). */
public class JobResultUnavailableException extends ProblemException {

    private final JobState state;

    public JobResultUnavailableException(long id, JobState state) {
        super(state == JobState.EXPIRED ? 410 : 409, state == JobState.EXPIRED ? "job-result-expired" : "job-result-unavailable",
                state == JobState.EXPIRED ? "Job result expired" : "No job result", detail(id, state));
        this.state = state;
    }

    private static String detail(long id, JobState state) {
        return switch (state) {
            case EXPIRED -> "The result of job " + id + " has expired and was deleted.";
            case DONE -> "Job " + id + " finished without a result file.";
            default -> "Job " + id + " is " + state.id() + "; it has a result only once it is done.";
        };
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("state", state.id());
    }
}
