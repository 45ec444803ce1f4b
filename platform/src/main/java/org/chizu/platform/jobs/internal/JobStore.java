package org.chizu.platform.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.Job.JobResult;
import org.chizu.platform.jobs.JobState;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code job} table, and all the SQL on it. Updates by a worker name the claim's lease token, so
 * a worker that lost its job (its lease ran out and another process took over) changes nothing.
 */
@Repository
class JobStore {

    /** Channel of the notification sent when a job is queued, so idle workers look at once. */
    static final String CHANNEL = "chizu_jobs";

    private static final String CLEAR_LEASE = "worker = null, lease_token = null, lease_until = null";

    private final NamedParameterJdbcTemplate sql;
    private final ObjectMapper json;
    private final RowMapper<Job> jobs = this::job;

    JobStore(NamedParameterJdbcTemplate sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** Serializes submissions of one owner (until the transaction ends), so that two cannot both pass the quota. */
    void lockOwner(String owner) {
        sql.query("select pg_advisory_xact_lock(hashtextextended('chizu.jobs.owner:' || :owner, 0))",
                Map.of("owner", owner), rs -> { });
    }

    int activeJobs(String owner) {
        return sql.queryForObject("select count(*) from job where owner = :owner and state in ('queued', 'running')",
                Map.of("owner", owner), Integer.class);
    }

    /** Inserts a queued job and notifies the workers of every process when the transaction commits. */
    Job insert(String kind, String owner, Object payload, int maxAttempts) {
        Job job = sql.queryForObject("""
                insert into job (kind, owner, payload, max_attempts)
                values (:kind, :owner, cast(:payload as jsonb), :maxAttempts)
                returning *""", new MapSqlParameterSource().addValue("kind", kind).addValue("owner", owner)
                .addValue("payload", text(payload)).addValue("maxAttempts", maxAttempts), jobs);
        sql.query("select pg_notify('" + CHANNEL + "', :kind)", Map.of("kind", kind), rs -> { });
        return job;
    }

    Optional<Job> find(long id) {
        return sql.query("select * from job where id = :id", Map.of("id", id), jobs).stream().findFirst();
    }

    /** Newest first; a null owner or state matches all. */
    List<Job> list(String owner, JobState state, int limit, long offset) {
        return sql.query("""
                select * from job
                 where (cast(:owner as text) is null or owner = :owner) and (cast(:state as text) is null or state = :state)
                 order by id desc
                 limit :limit offset :offset""", filter(owner, state).addValue("limit", limit).addValue("offset", offset), jobs);
    }

    long count(String owner, JobState state) {
        return sql.queryForObject("""
                select count(*) from job
                 where (cast(:owner as text) is null or owner = :owner) and (cast(:state as text) is null or state = :state)""",
                filter(owner, state), Long.class);
    }

    /** Cancels a queued job at once and flags a running one; empty when the job is neither. */
    Optional<Job> cancel(long id) {
        return sql.query("""
                update job
                   set cancel_requested = true,
                       state = case when state = 'queued' then 'cancelled' else state end,
                       finished_at = case when state = 'queued' then now() end,
                       message = case when state = 'queued' then 'キャンセルしました / cancelled'
                                      else '停止を依頼しました / asked to stop' end
                 where id = :id and state in ('queued', 'running')
                returning *""", Map.of("id", id), jobs).stream().findFirst();
    }

    /** Claims the queued job of one of {@code kinds} that has waited longest, if any, skipping jobs other workers are claiming. */
    Optional<ClaimedJob> claim(Collection<String> kinds, String worker, Duration lease) {
        UUID token = UUID.randomUUID();
        return sql.query("""
                update job
                   set state = 'running', attempts = attempts + 1, worker = :worker, lease_token = :token,
                       lease_until = now() + make_interval(secs => :leaseSeconds),
                       started_at = coalesce(started_at, now()), progress = 0, message = null
                 where id = (select id from job
                              where state = 'queued' and run_after <= now() and kind in (:kinds)
                              order by run_after, id
                              limit 1
                              for update skip locked)
                returning *""", new MapSqlParameterSource().addValue("worker", worker).addValue("token", token)
                .addValue("leaseSeconds", seconds(lease)).addValue("kinds", kinds), jobs)
                .stream().findFirst().map(job -> new ClaimedJob(job, token));
    }

    /**
     * Extends the leases still held; answers, for each of them, whether its job has been asked to
     * stop. A token missing from the answer has lost its job.
     */
    Map<UUID, Boolean> renew(Collection<UUID> leases, Duration lease) {
        if (leases.isEmpty()) {
            return Map.of();
        }
        return sql.query("""
                update job set lease_until = now() + make_interval(secs => :leaseSeconds)
                 where lease_token in (:leases)
                returning lease_token, cancel_requested""",
                new MapSqlParameterSource().addValue("leases", leases).addValue("leaseSeconds", seconds(lease)),
                rs -> {
                    Map<UUID, Boolean> held = new java.util.HashMap<>();
                    while (rs.next()) {
                        held.put(rs.getObject("lease_token", UUID.class), rs.getBoolean("cancel_requested"));
                    }
                    return held;
                });
    }

    /** Records progress; empty when this claim lost its job. */
    Optional<Job> progress(UUID lease, int percent, String message) {
        return byLease(lease, "progress = :progress, message = :message",
                new MapSqlParameterSource().addValue("progress", percent).addValue("message", message));
    }

    Optional<Job> done(UUID lease, StoredResult stored, Duration keepFor) {
        MapSqlParameterSource values = new MapSqlParameterSource().addValue("keepSeconds", seconds(keepFor))
                .addValue("path", stored == null ? null : stored.path());
        JobResult result = stored == null ? null : stored.result();
        values.addValue("name", result == null ? null : result.name())
                .addValue("type", result == null ? null : result.mediaType())
                .addValue("bytes", result == null ? null : result.bytes())
                .addValue("sha256", result == null ? null : result.sha256());
        return byLease(lease, """
                state = 'done', progress = 100, finished_at = now(), last_error = null,
                expires_at = now() + make_interval(secs => :keepSeconds),
                result_path = :path, result_name = :name, result_type = :type, result_bytes = :bytes, result_sha256 = :sha256,
                """ + CLEAR_LEASE, values);
    }

    Optional<Job> retryLater(UUID lease, String error, Duration delay) {
        // A job cancelled while this attempt failed is not tried again.
        return byLease(lease, """
                state = case when cancel_requested then 'cancelled' else 'queued' end,
                finished_at = case when cancel_requested then now() end,
                last_error = :error, message = :error, run_after = now() + make_interval(secs => :delaySeconds),
                """ + CLEAR_LEASE,
                new MapSqlParameterSource().addValue("error", error).addValue("delaySeconds", seconds(delay)));
    }

    Optional<Job> failed(UUID lease, String error) {
        return byLease(lease, "state = 'failed', last_error = :error, message = :error, finished_at = now(), " + CLEAR_LEASE,
                new MapSqlParameterSource().addValue("error", error));
    }

    Optional<Job> cancelled(UUID lease) {
        return byLease(lease, "state = 'cancelled', message = 'キャンセルしました / cancelled', finished_at = now(), " + CLEAR_LEASE,
                new MapSqlParameterSource());
    }

    /** Gives a job back without counting the attempt, as when this process shuts down. */
    Optional<Job> release(UUID lease) {
        return byLease(lease, "state = 'queued', attempts = attempts - 1, run_after = now(), message = null, " + CLEAR_LEASE,
                new MapSqlParameterSource());
    }

    /**
     * Takes back the jobs whose lease ran out because their process died: queued again, or failed
     * when that was their last attempt, or cancelled when that had been asked.
     */
    List<Job> takeBackExpiredLeases() {
        return sql.query("""
                update job
                   set state = case when cancel_requested then 'cancelled' when attempts >= max_attempts then 'failed' else 'queued' end,
                       finished_at = case when cancel_requested or attempts >= max_attempts then now() end,
                       last_error = case when cancel_requested then last_error
                                         else 'attempt ' || attempts || ' stopped: its process ended (the lease ran out)' end,
                       message = case when cancel_requested then 'キャンセルしました / cancelled'
                                      when attempts >= max_attempts then '処理が中断し、試行回数を使い切りました / its process ended on the last attempt'
                                      else '処理が中断したため再実行します / its process ended; queued again' end,
                       run_after = now(), progress = 0,
                       """ + CLEAR_LEASE + """

                 where id in (select id from job where state = 'running' and lease_until < now() for update skip locked)
                returning *""", Map.of(), jobs);
    }

    /** The done jobs whose results are due to be deleted, locked until the transaction ends. */
    List<Job> lockExpiredResults(int limit) {
        return sql.query("""
                select * from job where state = 'done' and expires_at <= now()
                 order by expires_at limit :limit
                 for update skip locked""", Map.of("limit", limit), jobs);
    }

    Job markExpired(long id) {
        return sql.queryForObject("update job set state = 'expired', message = '結果の保存期間が過ぎました / the result expired' "
                + "where id = :id returning *", Map.of("id", id), jobs);
    }

    /** Where a done job's result lies, relative to the jobs folder. */
    Optional<String> resultPath(long id) {
        return sql.queryForList("select result_path from job where id = :id and state = 'done' and result_path is not null",
                Map.of("id", id), String.class).stream().findFirst();
    }

    private Optional<Job> byLease(UUID lease, String assignments, MapSqlParameterSource values) {
        return sql.query("update job set " + assignments + " where lease_token = :lease returning *",
                values.addValue("lease", lease), jobs).stream().findFirst();
    }

    private static MapSqlParameterSource filter(String owner, JobState state) {
        return new MapSqlParameterSource().addValue("owner", owner).addValue("state", state == null ? null : state.id());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private String text(Object payload) {
        try {
            return json.writeValueAsString(payload == null ? Map.of() : payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a job's payload must be JSON: " + e.getMessage(), e);
        }
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        JobState state = JobState.fromId(rs.getString("state"));
        JobResult result = state == JobState.DONE && rs.getString("result_path") != null
                ? new JobResult(rs.getString("result_name"), rs.getString("result_type"), rs.getLong("result_bytes"),
                        rs.getString("result_sha256"))
                : null;
        try {
            return new Job(rs.getLong("id"), rs.getString("kind"), rs.getString("owner"), json.readTree(rs.getString("payload")),
                    state, rs.getInt("progress"), rs.getString("message"), rs.getInt("attempts"), rs.getInt("max_attempts"), rs.getBoolean("cancel_requested"),
                    instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"), result,
                    state == JobState.DONE ? instant(rs, "expires_at") : null);
        } catch (JsonProcessingException e) {
            throw new SQLException("job " + rs.getLong("id") + " has a payload that is not JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
