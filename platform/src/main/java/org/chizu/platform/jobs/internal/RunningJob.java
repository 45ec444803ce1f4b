package org.chizu.platform.jobs.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobChanged;
import org.chizu.platform.jobs.JobContext;
import org.chizu.platform.jobs.JobStoppedException;
import org.springframework.context.ApplicationEventPublisher;

/** One attempt at a job in this process: what its handler sees, and why it may have to stop. */
final class RunningJob implements JobContext {

    /** Why a run should stop; the first reason found is kept. */
    enum Stop { NONE, CANCELLED, SHUTTING_DOWN, LEASE_LOST }

    private final Job job;
    private final UUID lease;
    private final JobStore store;
    private final JobFiles files;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    private volatile Stop stop = Stop.NONE;
    private int percent;
    private String message;
    private Path resultFile;
    private String resultType;

    RunningJob(ClaimedJob claimed, JobStore store, JobFiles files, ObjectMapper json, ApplicationEventPublisher events) {
        this.job = claimed.job();
        this.lease = claimed.lease();
        this.store = store;
        this.files = files;
        this.json = json;
        this.events = events;
    }

    Job job() {
        return job;
    }

    UUID lease() {
        return lease;
    }

    Stop stop() {
        return stop;
    }

    synchronized void stop(Stop reason) {
        if (stop == Stop.NONE) {
            stop = reason;
        }
    }

    /** The result file the handler asked for, if it did; null otherwise. */
    Path writtenResult() {
        return resultFile;
    }

    String resultType() {
        return resultType;
    }

    @Override
    public long jobId() {
        return job.id();
    }

    @Override
    public String owner() {
        return job.owner();
    }

    @Override
    public int attempt() {
        return job.attempts();
    }

    @Override
    public JsonNode payload() {
        return job.payload();
    }

    @Override
    public <T> T payload(Class<T> type) {
        try {
            return json.treeToValue(job.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload of job " + job.id() + " is not a " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void progress(int percent, String message) {
        int bounded = Math.clamp(percent, 0, 100);
        if (bounded == this.percent && Objects.equals(message, this.message)) {
            return;
        }
        this.percent = bounded;
        this.message = message;
        store.progress(lease, bounded, message).ifPresentOrElse(updated -> {
            if (updated.cancelRequested()) {
                stop(Stop.CANCELLED);
            }
            events.publishEvent(JobChanged.of(updated));
        }, () -> stop(Stop.LEASE_LOST));
    }

    @Override
    public boolean stopRequested() {
        return stop != Stop.NONE;
    }

    @Override
    public void stopIfRequested() {
        if (stopRequested()) {
            throw new JobStoppedException(job.id());
        }
    }

    @Override
    public Path resultFile(String fileName, String mediaType) {
        resultFile = files.attemptFile(job.id(), job.attempts(), fileName);
        resultType = mediaType;
        return resultFile;
    }
}
