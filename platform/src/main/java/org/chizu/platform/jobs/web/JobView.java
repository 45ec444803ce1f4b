package org.chizu.platform.jobs.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.chizu.platform.Label;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.Jobs;

/**
 * A job as the HTTP API shows it: its state and progress, its result's link and SHA-256 when done,
 * and the links to itself and to cancel it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(long id, String kind, Label kindTitle, String owner, String state, int progress, String message, int attempts,
                      int maxAttempts, boolean cancelRequested, JsonNode payload, Instant createdAt, Instant startedAt,
                      Instant finishedAt, Instant expiresAt, Result result, Links links) {

    /** The result file: {@code href} downloads it. */
    public record Result(String href, String name, String mediaType, long bytes, String sha256) {
    }

    public record Links(String self, String cancel) {
    }

    /** The job's address, which a submission answers with in {@code Location}. */
    public static String href(long id) {
        return "/api/jobs/" + id;
    }

    /** @param jobs where the job's kind is named for people */
    public static JobView of(Job job, Jobs jobs) {
        Label kindTitle = jobs.kindTitle(job.kind());
        String self = href(job.id());
        Result result = job.result() == null ? null : new Result(self + "/result", job.result().name(),
                job.result().mediaType(), job.result().bytes(), job.result().sha256());
        return new JobView(job.id(), job.kind(), kindTitle, job.owner(), job.state().id(), job.progress(), job.message(), job.attempts(),
                job.maxAttempts(), job.cancelRequested(), job.payload(), job.createdAt(), job.startedAt(), job.finishedAt(),
                job.expiresAt(), result, new Links(self, job.state().active() ? self + "/cancel" : null));
    }
}
