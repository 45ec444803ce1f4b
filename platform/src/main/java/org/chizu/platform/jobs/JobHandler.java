package org.chizu.platform.jobs;

import org.chizu.platform.Label;

/**
 * Does one kind of job. Each kind is a Spring bean; a worker that claims a job of its
 * {@link #kind()} calls {@link #run(JobContext)} on one of its threads.
 *
 * <p>A run may be repeated: when it throws, the job is tried again later until its attempts are used
 * up, and when its process dies, another process starts it again from the beginning once the lease
 * runs out. So a handler writes only into {@link JobContext#resultFile} and, for a result of several
 * files, beside it in the same folder (the attempt's own, kept and deleted whole), and does nothing it cannot
 * do twice; the job is marked done exactly once, by the run that still holds it.
 */
public interface JobHandler {

    /** The kind of job this handler runs, such as {@code tiles.seed}. */
    String kind();

    /** What people call this kind of job on the job pages, Japanese first; the kind itself unless a handler says. */
    default Label title() {
        return new Label(kind(), kind());
    }

    /**
     * Does the job, reporting progress and checking for cancellation every now and then. Returning
     * normally finishes the job (with the result file, if one was written); throwing fails this attempt.
     */
    void run(JobContext context) throws Exception;
}
