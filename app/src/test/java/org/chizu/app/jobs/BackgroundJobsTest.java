package org.chizu.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.chizu.app.ChizuApplication;
import org.chizu.app.jobs.RecordingJob.Work;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobChanged;
import org.chizu.platform.jobs.JobQuotaExceededException;
import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.Jobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background jobs in the whole application on a real database: claimed once however many workers
 * look, retried, cancelled, limited per owner, their results kept with a SHA-256 and deleted when
 * they expire, and shown over HTTP to their owner and to staff only. Leases and waits are short here
 * so that the tests take seconds.
 */
@SpringBootTest(classes = ChizuApplication.class, properties = {
        "chizu.jobs.lease=1500ms", "chizu.jobs.workers.poll-interval=200ms", "chizu.jobs.retry-delay=100ms",
        "chizu.jobs.expiry-check-interval=300ms", "chizu.jobs.max-active-per-owner=3"})
@AutoConfigureMockMvc
@Import(BackgroundJobsTest.TestJobs.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackgroundJobsTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestConfiguration
    static class TestJobs {

        @Bean
        RecordingJob recordingJob(DataSource database) {
            return new RecordingJob(database);
        }

        @Bean
        HeardChanges heardChanges() {
            return new HeardChanges();
        }
    }

    static final class HeardChanges {

        final List<JobChanged> changes = new CopyOnWriteArrayList<>();

        @EventListener
        void on(JobChanged change) {
            changes.add(change);
        }
    }

    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.fresh();
        database.register(registry);
    }

    @Autowired
    Jobs jobs;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MockMvc mvc;
    @Autowired
    HeardChanges heard;
    @Value("${chizu.home}")
    Path home;

    JdbcTemplate jdbc;

    @BeforeAll
    void recordRuns() {
        RecordingJob.createTable(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void twoServersTakingJobsFromOneQueueRunEachJobOnce() {
        try (ConfigurableApplicationContext otherServer = JobProcess.start("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--chizu.home=" + home, "--chizu.jobs.workers.threads=3", "--chizu.jobs.workers.poll-interval=50ms")) {
            List<Long> ids = IntStream.range(0, 24)
                    .mapToObj(n -> jobs.submit(RecordingJob.KIND, "clerk-" + n, new Work(2, 10, 0, null)).id()).toList();

            ids.forEach(id -> awaitState(id, JobState.DONE));

            for (long id : ids) {
                assertThat(runs(id)).as("runs of job " + id).containsExactly("started", "finished");
                assertThat(jobs.find(id).orElseThrow().attempts()).isOne();
            }
        }
    }

    @Test
    void aFailedAttemptIsTriedAgainAndAJobFailsForGoodAfterItsLastAttempt() {
        long recovers = jobs.submit(RecordingJob.KIND, "sato", new Work(1, 10, 1, "二度目で成功")).id();
        long neverWorks = jobs.submit(RecordingJob.KIND, "sato", new Work(1, 10, 99, null)).id();

        Job recovered = awaitState(recovers, JobState.DONE);
        Job failed = awaitState(neverWorks, JobState.FAILED);

        assertThat(recovered.attempts()).isEqualTo(2);
        assertThat(runs(recovers)).containsExactly("started", "failed", "started", "finished");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.message()).isEqualTo("planned failure of attempt 3");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(runs(neverWorks)).containsExactly("started", "failed", "started", "failed", "started", "failed");
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndNeverRuns() throws Exception {
        long id = parkedJob("suzuki");

        Job cancelled = jobs.cancel(id);

        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.finishedAt()).isNotNull();
        jdbc.update("update job set run_after = now() where id = ?", id);
        Thread.sleep(600);
        assertThat(runs(id)).isEmpty();
        assertThat(jobs.cancel(id).state()).as("cancelling again").isEqualTo(JobState.CANCELLED);
    }

    @Test
    void aRunningJobIsAskedToStopAndEndsCancelledWithoutItsResult() {
        long id = jobs.submit(RecordingJob.KIND, "ito", new Work(400, 25, 0, "never")).id();
        await().atMost(PATIENCE).until(() -> jobs.find(id).orElseThrow(), job -> job.state() == JobState.RUNNING && job.progress() > 0);

        Job asked = jobs.cancel(id);

        assertThat(asked.state()).isEqualTo(JobState.RUNNING);
        assertThat(asked.cancelRequested()).isTrue();
        awaitState(id, JobState.CANCELLED);
        assertThat(runs(id)).containsExactly("started", "stopped");
        assertThat(home.resolve("jobs").resolve(Long.toString(id))).doesNotExist();
        assertThat(heard.changes).filteredOn(change -> change.id() == id).extracting(JobChanged::state)
                .contains(JobState.QUEUED, JobState.RUNNING).endsWith(JobState.CANCELLED);
        assertThat(heard.changes).filteredOn(change -> change.id() == id && change.progress() > 0).isNotEmpty();
    }

    @Test
    void anOwnerWithTooManyActiveJobsIsRefusedWith429NamingTheQuota() throws Exception {
        for (int n = 0; n < 3; n++) {
            parkedJob("takahashi");
        }

        assertThatThrownBy(() -> jobs.submit(RecordingJob.KIND, "takahashi", new Work(1, 1, 0, null)))
                .isInstanceOf(JobQuotaExceededException.class);
        mvc.perform(post("/api/tiles/seed").with(staff("takahashi")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"layer\": \"roads\", \"bbox\": \"131.84,34.67,131.85,34.68\", \"zoom\": \"12\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:chizu:problem:job-quota-exceeded"))
                .andExpect(jsonPath("$.quota").value("chizu.jobs.max-active-per-owner"))
                .andExpect(jsonPath("$.limit").value(3));
        assertThat(jobs.submit(RecordingJob.KIND, "watanabe", new Work(1, 1, 0, null)).state())
                .as("another owner").isEqualTo(JobState.QUEUED);
    }

    @Test
    void aResultIsKeptWithItsSha256UntilItExpiresAndIsDeleted() throws Exception {
        long id = jobs.submit(RecordingJob.KIND, "nakamura", new Work(1, 10, 0, "結果 result")).id();
        Job done = awaitState(id, JobState.DONE);
        byte[] expected = "結果 result".getBytes(StandardCharsets.UTF_8);
        Path file = jobs.resultFile(done);

        assertThat(file).startsWith(home.resolve("jobs")).hasBinaryContent(expected);
        assertThat(done.result().sha256()).isEqualTo(HexFormat.of().formatHex(sha256(expected)));
        assertThat(done.result().bytes()).isEqualTo(expected.length);
        assertThat(done.expiresAt()).isAfter(done.finishedAt().plus(Duration.ofDays(6)));
        MockHttpServletResponse download = mvc.perform(get("/api/jobs/" + id + "/result").with(resident("nakamura")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(expected);
        assertThat(download.getHeader("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256(expected)) + ":");
        assertThat(download.getHeader("Content-Disposition")).contains("result.txt");

        jdbc.update("update job set expires_at = now() - interval '1 second' where id = ?", id);

        Job expired = awaitState(id, JobState.EXPIRED);
        assertThat(expired.result()).isNull();
        assertThat(file).doesNotExist();
        mvc.perform(get("/api/jobs/" + id + "/result").with(resident("nakamura")))
                .andExpect(status().isGone()).andExpect(jsonPath("$.type").value("urn:chizu:problem:job-result-expired"));
    }

    @Test
    void aJobIsShownToItsOwnerAndStaffAndIsUnknownToAnyoneElse() throws Exception {
        long id = jobs.submit(RecordingJob.KIND, "kobayashi", new Work(1, 10, 0, "私の結果")).id();
        awaitState(id, JobState.DONE);
        long othersJob = parkedJob("yamamoto");

        mvc.perform(get("/api/jobs/" + id).with(resident("kobayashi"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("done")).andExpect(jsonPath("$.progress").value(100))
                .andExpect(jsonPath("$.attempts").value(1)).andExpect(jsonPath("$.result.href").value("/api/jobs/" + id + "/result"))
                .andExpect(jsonPath("$.result.sha256").isString()).andExpect(jsonPath("$.expiresAt").isString());
        mvc.perform(get("/api/jobs").with(resident("kobayashi"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.jobs[0].id").value(id));
        mvc.perform(get("/api/jobs/" + id).with(staff("tanaka"))).andExpect(status().isOk());
        mvc.perform(get("/api/jobs/" + id + "/result").with(staff("tanaka"))).andExpect(status().isOk());

        for (String path : List.of("/api/jobs/" + id, "/api/jobs/" + id + "/result", "/api/jobs/987654")) {
            mvc.perform(get(path).with(resident("yamamoto"))).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:chizu:problem:unknown-job"));
        }
        mvc.perform(post("/api/jobs/" + othersJob + "/cancel").with(resident("kobayashi"))).andExpect(status().isNotFound());
        assertThat(jobs.find(othersJob).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        mvc.perform(get("/api/jobs")).andExpect(status().isUnauthorized());

        mvc.perform(post("/api/jobs/" + othersJob + "/cancel").with(resident("yamamoto")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("cancelled"));
        mvc.perform(post("/api/jobs/" + id + "/cancel").with(staff("tanaka")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:chizu:problem:job-finished"));
    }

    @Test
    void staffSeedTilesAsAJobAndDownloadTheArchiveWithItsDigest() throws Exception {
        MockHttpServletResponse accepted = mvc.perform(post("/api/tiles/seed").with(staff("tanaka"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"layer\": \"roads,hazard_zones\", \"bbox\": [131.84, 34.67, 131.86, 34.69], \"zoom\": \"11-13\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.kind").value("tiles.seed")).andExpect(jsonPath("$.state").value("queued"))
                .andExpect(jsonPath("$.kindTitle.ja").value("タイルの作成")).andExpect(jsonPath("$.kindTitle.en").value("Tile seeding"))
                .andReturn().getResponse();
        String location = accepted.getHeader("Location");
        long id = Long.parseLong(location.substring("/api/jobs/".length()));

        Job done = awaitState(id, JobState.DONE);
        byte[] archive = mvc.perform(get(location + "/result").with(staff("tanaka"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.pmtiles"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(archive, 0, 7, StandardCharsets.US_ASCII)).isEqualTo("PMTiles");
        assertThat(done.result().name()).isEqualTo("hazard_zones+roads-z11-13.pmtiles");
        assertThat(done.result().sha256()).isEqualTo(HexFormat.of().formatHex(sha256(archive)));
        assertThat(done.message()).contains("tiles written");
        assertThat(jdbc.queryForList("select data ->> 'state' from live_event where topic = 'user.tanaka.jobs'"
                + " and (data ->> 'id')::bigint = ? order by id", String.class, id))
                .as("the owner's live events follow the job").startsWith("queued").contains("running").endsWith("done");
        assertThat(jdbc.queryForObject("select count(*) from live_event where topic = 'staff.jobs' and (data ->> 'id')::bigint = ?",
                Integer.class, id)).as("staff's live events follow it too").isGreaterThanOrEqualTo(3);
        mvc.perform(post("/api/tiles/seed").with(staff("tanaka")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"layer\": \"roads\", \"bbox\": \"131.84,34.67,131.85,34.68\", \"zoom\": \"12-40\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("zoom 12-40 must lie within 0-24"));
    }

    /** A job queued in the future, so that no worker takes it during the test. */
    private long parkedJob(String owner) {
        return transaction.execute(tx -> {
            long id = jobs.submit(RecordingJob.KIND, owner, new Work(1, 1, 0, null)).id();
            jdbc.update("update job set run_after = now() + interval '1 hour' where id = ?", id);
            return id;
        });
    }

    private Job awaitState(long id, JobState state) {
        return await("job " + id + " " + state.id()).atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.find(id).orElseThrow(), job -> job.state() == state);
    }

    private List<String> runs(long id) {
        return new ArrayList<>(jdbc.queryForList("select event from test_job_run where job_id = ? order by at", String.class, id));
    }

    /** Someone signed in without the staff role: what a future resident's account would be. */
    private static RequestPostProcessor resident(String name) {
        return user(name).roles("RESIDENT");
    }

    private static RequestPostProcessor staff(String name) {
        return user(name).roles("STAFF");
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
