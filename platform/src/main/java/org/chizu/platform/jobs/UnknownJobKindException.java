package org.chizu.platform.jobs;

import org.chizu.platform.problem.ProblemException;

/** A job submitted for a kind that no handler runs. */
public class UnknownJobKindException extends ProblemException {

    public UnknownJobKindException(String kind) {
        super(400, "unknown-job-kind", "Unknown job kind", "No handler runs jobs of kind '" + kind + "'.");
    }
}
