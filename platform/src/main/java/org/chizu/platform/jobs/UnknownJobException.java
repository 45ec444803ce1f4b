package org.chizu.platform.jobs;

import org.chizu.platform.problem.ProblemException;

/** No such job, or one the caller may not see: both answer 404 so that ids reveal nothing. */
public class UnknownJobException extends ProblemException {

    public UnknownJobException(long id) {
        super(404, "unknown-job", "Unknown job", "There is no job " + id + ".");
    }
}
