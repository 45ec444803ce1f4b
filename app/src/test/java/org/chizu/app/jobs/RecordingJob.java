package org.chizu.app.jobs;

import java.nio.file.Files;

import javax.sql.DataSource;

import org.chizu.platform.jobs.JobContext;
import org.chizu.platform.jobs.JobHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job kind for tests that records in {@code test_job_run} each time a run starts, finishes, stops
 * or fails, with the process id, so that a test can count how often a job was really done.
 * It works in {@code steps} of {@code stepMillis}, reporting progress and checking for a stop
 * between them, fails its first {@code failAttempts} attempts, and writes {@code result} (if given)
 * as its result file.
 */
public class RecordingJob implements JobHandler {

    public static final String KIND = "test.recording";

    /** The payload. */
    public record Work(int steps, long stepMillis, int failAttempts, String result) {
    }

    private final JdbcTemplate jdbc;

    public RecordingJob(DataSource database) {
        jdbc = new JdbcTemplate(database);
    }

    /** Makes the table the runs are recorded in; a test does it once before any job runs. */
    public static void createTable(DataSource database) {
        new JdbcTemplate(database).execute("""
                create table if not exists test_job_run (
                    job_id bigint not null, attempt integer not null, pid bigint not null, event text not null,
                    at timestamptz not null default clock_timestamp())""");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) throws Exception {
        record(context, "started");
        Work work = context.payload(Work.class);
        for (int step = 1; step <= work.steps(); step++) {
            if (context.stopRequested()) {
                record(context, "stopped");
                context.stopIfRequested();
            }
            Thread.sleep(work.stepMillis());
            context.progress(step * 100 / work.steps(), step + "/" + work.steps());
        }
        if (context.attempt() <= work.failAttempts()) {
            record(context, "failed");
            throw new IllegalStateException("planned failure of attempt " + context.attempt());
        }
        if (work.result() != null) {
            Files.writeString(context.resultFile("result.txt", "text/plain"), work.result());
        }
        record(context, "finished");
    }

    private void record(JobContext context, String event) {
        jdbc.update("insert into test_job_run (job_id, attempt, pid, event) values (?, ?, ?, ?)",
                context.jobId(), context.attempt(), ProcessHandle.current().pid(), event);
    }
}
