package org.chizu.platform.jobs;

/**
 * Published as a Spring application event in the process that changed a job: when it was queued,
 * started, made progress, finished, failed, was cancelled or expired. Other processes do not hear it.
 */
public record JobChanged(long id, String kind, String owner, JobState state, int progress, String message) {

    public static JobChanged of(Job job) {
        return new JobChanged(job.id(), job.kind(), job.owner(), job.state(), job.progress(), job.message());
    }
}
