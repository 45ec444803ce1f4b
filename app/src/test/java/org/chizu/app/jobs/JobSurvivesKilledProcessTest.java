package org.chizu.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chizu.app.jobs.RecordingJob.Work;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.jobs.Jobs;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job survives the death of the process running it: a server killed with SIGKILL halfway through a
 * job leaves it "running" under a lease nobody renews; once the lease runs out the next process
 * takes it over and finishes it, and the job is finished exactly once.
 */
class JobSurvivesKilledProcessTest {

    /** Short, so that the test waits seconds; a server uses a minute. */
    static final Duration LEASE = Duration.ofMillis(1500);

    final TestDatabase database = TestDatabase.migrated();
    final DataSource dataSource = database.dataSource();
    final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @Test
    void aJobWhoseServerIsKilledMidwayIsFinishedExactlyOnceByTheNextServer() throws Exception {
        RecordingJob.createTable(dataSource);
        Path home = Files.createTempDirectory("chizu-jobs-home");
        long id;
        try (ConfigurableApplicationContext command = JobProcess.start(settings(home, "--chizu.background-work=false"))) {
            id = command.getBean(Jobs.class).submit(RecordingJob.KIND, "tanaka", new Work(40, 100, 0, "四十歩 / forty steps")).id();
        }

        Process first = startServer(home, "first");
        try {
            await("the first server is halfway through the job").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> job(id), job -> job.get("state").equals("running") && ((Number) job.get("progress")).intValue() >= 20);
        } finally {
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no goodbye to the database
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(job(id)).containsEntry("state", "running").containsEntry("attempts", 1);

        Process second = startServer(home, "second");
        try {
            await("the second server finishes the job").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> job(id).get("state"), "done"::equals);
            Thread.sleep(LEASE.multipliedBy(3).toMillis()); // time enough for a wrongful second take-over
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(job(id)).containsEntry("state", "done").containsEntry("attempts", 2).containsEntry("progress", 100);
        assertThat(runs(id, "started")).containsExactly(first.pid(), second.pid());
        assertThat(runs(id, "finished")).containsExactly(second.pid());
        String resultPath = jdbc.queryForObject("select result_path from job where id = ?", String.class, id);
        assertThat(Files.readString(home.resolve("jobs").resolve(resultPath))).isEqualTo("四十歩 / forty steps");
    }

    private Map<String, Object> job(long id) {
        return jdbc.queryForMap("select state, progress::integer as progress, attempts from job where id = ?", id);
    }

    private List<Long> runs(long id, String event) {
        return jdbc.queryForList("select pid from test_job_run where job_id = ? and event = ? order by at", Long.class, id, event);
    }

    private String[] settings(Path home, String... more) {
        List<String> settings = new ArrayList<>(List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--chizu.home=" + home, "--chizu.jobs.lease=" + LEASE.toMillis() + "ms",
                "--chizu.jobs.workers.poll-interval=200ms"));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    /** A server in a JVM of its own, on the test's class path, logging to target/job-process-{name}.log. */
    private Process startServer(Path home, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), JobProcess.class.getName()));
        command.addAll(List.of(settings(home)));
        Path log = Path.of("target", "job-process-" + name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
