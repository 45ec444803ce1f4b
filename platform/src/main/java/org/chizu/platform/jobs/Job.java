package org.chizu.platform.jobs;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A background job as stored.
 *
 * @param progress    0–100, as its handler last reported
 * @param message     what the handler last said it was doing, or why the job failed; may be null
 * @param attempts    how many times a worker has started it, the running attempt included
 * @param cancelRequested whether its owner or staff asked it to stop; a running job stops when its handler next checks
 * @param startedAt   when the first attempt started; null while never started
 * @param finishedAt  when it became done, failed or cancelled; null before
 * @param result      the result file of a done job; null before, and once it expired
 * @param expiresAt   when a done job's result is deleted; null for other states
 */
public record Job(long id, String kind, String owner, JsonNode payload, JobState state, int progress, String message,
                  int attempts, int maxAttempts, boolean cancelRequested, Instant createdAt, Instant startedAt, Instant finishedAt,
                  JobResult result, Instant expiresAt) {

    /**
     * A job's result file, kept in the data folder until the job expires.
     *
     * @param name      the file name a download is given
     * @param mediaType its media type
     * @param bytes     its length
     * @param sha256    its SHA-256, 64 hexadecimal digits
     */
    public record JobResult(String name, String mediaType, long bytes, String sha256) {
    }
}
