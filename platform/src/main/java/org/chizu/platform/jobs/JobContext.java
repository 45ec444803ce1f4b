package org.chizu.platform.jobs;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/** What a running {@link JobHandler} knows and may do: its job, progress, cancellation and result file. */
public interface JobContext {

    long jobId();

    String owner();

    /** Which attempt this is, from 1. */
    int attempt();

    /** The parameters the job was submitted with. */
    JsonNode payload();

    /** The parameters read as {@code type} (a record, usually). */
    <T> T payload(Class<T> type);

    /**
     * Records how far the job has got and what it is doing. Cheap to call often: only a change of
     * the percentage or the message is written.
     *
     * @param percent 0–100
     * @param message a short status such as "1200/4000 tiles"; may be null
     */
    void progress(int percent, String message);

    /**
     * Whether the job should stop: its owner or staff cancelled it, this process is shutting down,
     * or another process has taken it over after this one's lease ran out.
     */
    boolean stopRequested();

    /**
     * @throws JobStoppedException when {@link #stopRequested()}; a handler calls this between steps
     */
    void stopIfRequested();

    /**
     * Where to write the job's result: a file of this attempt's own in the data folder. When the
     * handler returns, the file's length and SHA-256 are recorded with the job.
     *
     * @param fileName  the name a download gets, such as {@code roads.pmtiles}
     * @param mediaType its media type
     */
    Path resultFile(String fileName, String mediaType);
}
