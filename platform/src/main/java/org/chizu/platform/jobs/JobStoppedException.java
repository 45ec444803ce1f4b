package org.chizu.platform.jobs;

/** Thrown by {@link JobContext#stopIfRequested()} to end a run that was asked to stop. */
public class JobStoppedException extends RuntimeException {

    public JobStoppedException(long jobId) {
        super("job " + jobId + " was asked to stop");
    }
}
