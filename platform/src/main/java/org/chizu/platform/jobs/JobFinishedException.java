package org.chizu.platform.jobs;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** A job that has already finished cannot be cancelled. */
public class JobFinishedException extends ProblemException {

    private final JobState state;

    public JobFinishedException(long id, JobState state) {
        super(409, "job-finished", "Job already finished", "Job " + id + " is " + state.id() + " and cannot be cancelled.");
        this.state = state;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("state", state.id());
    }
}
