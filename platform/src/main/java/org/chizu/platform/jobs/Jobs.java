package org.chizu.platform.jobs;

import java.nio.file.Path;
import java.util.Optional;

import org.chizu.platform.Label;

/** Submits, finds, lists and cancels background jobs; every Chizu process shares them through PostgreSQL. */
public interface Jobs {

    /**
     * Queues a job for the workers of any process.
     *
     * @param payload the job's parameters, stored as JSON (a record, a map or a {@code JsonNode})
     * @throws UnknownJobKindException when no handler runs jobs of this kind
     * @throws JobQuotaExceededException when the owner already has as many queued and running jobs as allowed
     */
    Job submit(String kind, String owner, Object payload);

    Optional<Job> find(long id);

    /** What people call a kind of job ({@link JobHandler#title()}); the kind itself when no handler here runs it. */
    Label kindTitle(String kind);

    /**
     * @param owner whose jobs; null for everyone's
     * @param state only jobs in this state; null for all
     */
    JobPage list(String owner, JobState state, int page, int size);

    /**
     * Cancels a queued job at once and asks a running one to stop; a cancelled job stays cancelled.
     *
     * @throws UnknownJobException when there is no such job
     * @throws JobFinishedException when it is done, failed or expired already
     */
    Job cancel(long id);

    /**
     * The result file of a done job.
     *
     * @throws JobResultUnavailableException when the job is not done, or its result expired
     */
    Path resultFile(Job job);
}
