package org.chizu.platform.jobs.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.platform.BackgroundWork;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobChanged;
import org.chizu.platform.jobs.JobHandler;
import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.internal.RunningJob.Stop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The job workers of this process: {@code chizu.jobs.workers.threads} threads that each claim a
 * queued job, run its handler and record how it ended, then look for the next; idle, they wait
 * {@code poll-interval} or until {@link #wake()}. Beside them one thread renews the leases of the
 * jobs running here every third of a lease, takes back the jobs of processes that died (their
 * lease ran out) and deletes expired results.
 *
 * <p>Commands ({@code ./chizu import …}) run no background work: they must not take jobs they would
 * abandon when they exit.
 */
@Component
@BackgroundWork
class JobWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);
    /** How long stopping waits for handlers to notice before interrupting them. */
    private static final long STOP_WAIT_SECONDS = 10;
    private static final int MAX_ERROR_CHARS = 2000;

    private final JobStore store;
    private final JobHandlers handlers;
    private final JobFiles files;
    private final ExpiredResults expiredResults;
    private final JobProperties properties;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();
    private final Map<Long, RunningJob> running = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();

    private long wakeUps;
    private volatile boolean started;
    private List<Thread> threads = List.of();
    private ScheduledExecutorService housekeeping;

    JobWorkers(JobStore store, JobHandlers handlers, JobFiles files, ExpiredResults expiredResults, JobProperties properties,
            ObjectMapper json, ApplicationEventPublisher events) {
        this.store = store;
        this.handlers = handlers;
        this.files = files;
        this.expiredResults = expiredResults;
        this.properties = properties;
        this.json = json;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        started = true;
        threads = IntStream.rangeClosed(1, properties.workers().threads())
                .mapToObj(n -> Thread.ofPlatform().name("chizu-job-worker-" + n).start(this::work)).toList();
        housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("chizu-job-leases").daemon().factory());
        long renewMillis = properties.renewEvery().toMillis();
        housekeeping.scheduleWithFixedDelay(() -> quietly("renew job leases", this::renewLeases), renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(() -> quietly("take back abandoned jobs", this::takeBackAbandoned),
                0, renewMillis, TimeUnit.MILLISECONDS);
        long expiryMillis = properties.expiryCheckInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(() -> quietly("delete expired job results", expiredResults::delete),
                expiryMillis, expiryMillis, TimeUnit.MILLISECONDS);
        log.info("{} job workers started for {}", threads.size(), handlers.kinds());
    }

    /**
     * Stops claiming, asks the running handlers to stop and gives their jobs back to the queue
     * (without counting the attempt); a handler still busy after a while is interrupted.
     */
    @Override
    public synchronized void stop() {
        started = false;
        running.values().forEach(run -> run.stop(Stop.SHUTTING_DOWN));
        wake();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        for (Thread thread : threads) {
            try {
                if (!thread.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    thread.interrupt();
                    thread.join(java.time.Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        housekeeping.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Makes idle workers look for jobs now, as when one was queued. */
    void wake() {
        synchronized (wakeUp) {
            wakeUps++;
            wakeUp.notifyAll();
        }
    }

    /** Tells the handler of a job running here, if it is, that it was cancelled. */
    void stopRequested(long jobId) {
        Optional.ofNullable(running.get(jobId)).ifPresent(run -> run.stop(Stop.CANCELLED));
    }

    private void work() {
        while (started) {
            long seen;
            synchronized (wakeUp) {
                seen = wakeUps;
            }
            Optional<ClaimedJob> claimed = Optional.empty();
            try {
                claimed = store.claim(handlers.kinds(), worker, properties.lease());
            } catch (RuntimeException e) {
                log.warn("cannot look for queued jobs: {}", e.getMessage());
            }
            if (claimed.isPresent()) {
                run(claimed.get());
            } else {
                idle(seen);
            }
        }
    }

    private void idle(long seen) {
        synchronized (wakeUp) {
            try {
                if (started && wakeUps == seen) {
                    wakeUp.wait(properties.workers().pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                started = false;
            }
        }
    }

    private void run(ClaimedJob claimed) {
        Job job = claimed.job();
        RunningJob run = new RunningJob(claimed, store, files, json, events);
        running.put(job.id(), run);
        if (!started) {
            run.stop(Stop.SHUTTING_DOWN);
        }
        events.publishEvent(JobChanged.of(job));
        log.info("job {} ({}) of {}: attempt {} of {} started", job.id(), job.kind(), job.owner(), job.attempts(), job.maxAttempts());
        try {
            JobHandler handler = handlers.of(job.kind()).orElseThrow();
            handler.run(run);
            ended(run, succeeded(run));
        } catch (Exception e) {
            ended(run, afterFailure(run, e));
        } finally {
            running.remove(job.id());
        }
    }

    private Optional<Job> succeeded(RunningJob run) throws IOException {
        if (run.stop() == Stop.LEASE_LOST) {
            return Optional.empty();
        }
        StoredResult result = run.writtenResult() == null ? null : files.stored(run.writtenResult(), run.resultType());
        Optional<Job> done = store.done(run.lease(), result, properties.keepResultsFor());
        done.ifPresent(job -> files.deleteOtherAttempts(job.id(), job.attempts()));
        return done;
    }

    private Optional<Job> afterFailure(RunningJob run, Exception e) {
        Job job = run.job();
        return switch (run.stop()) {
            case LEASE_LOST -> Optional.empty();
            case CANCELLED -> {
                Optional<Job> cancelled = store.cancelled(run.lease());
                files.deleteAll(job.id());
                yield cancelled;
            }
            case SHUTTING_DOWN -> store.release(run.lease());
            case NONE -> {
                String error = errorText(e);
                log.warn("job {} ({}) attempt {} of {} failed: {}", job.id(), job.kind(), job.attempts(), job.maxAttempts(), error, e);
                yield job.attempts() >= job.maxAttempts()
                        ? store.failed(run.lease(), error)
                        : store.retryLater(run.lease(), error, properties.retryDelayAfter(job.attempts()));
            }
        };
    }

    /** Logs and announces how a run ended; empty when it had lost its job to another process. */
    private void ended(RunningJob run, Optional<Job> outcome) {
        outcome.ifPresentOrElse(job -> {
            log.info("job {} ({}) is {}", job.id(), job.kind(), job.state().id());
            events.publishEvent(JobChanged.of(job));
        }, () -> log.warn("job {} ({}) was taken over by another process after this one's lease ran out; "
                + "what this attempt did is discarded", run.job().id(), run.job().kind()));
    }

    private void renewLeases() {
        Map<UUID, RunningJob> byLease = new java.util.HashMap<>();
        running.values().forEach(run -> byLease.put(run.lease(), run));
        Map<UUID, Boolean> held = store.renew(byLease.keySet(), properties.lease());
        byLease.forEach((lease, run) -> {
            Boolean cancelRequested = held.get(lease);
            if (cancelRequested == null) {
                run.stop(Stop.LEASE_LOST);
            } else if (cancelRequested) {
                run.stop(Stop.CANCELLED);
            }
        });
    }

    private void takeBackAbandoned() {
        List<Job> takenBack = store.takeBackExpiredLeases();
        for (Job job : takenBack) {
            log.warn("job {} ({}): the process running attempt {} stopped renewing its lease; the job is now {}",
                    job.id(), job.kind(), job.attempts(), job.state().id());
            events.publishEvent(JobChanged.of(job));
        }
        if (takenBack.stream().anyMatch(job -> job.state() == JobState.QUEUED)) {
            wake();
        }
    }

    private static String errorText(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("cannot {} now, trying again later: {}", what, e.getMessage());
        }
    }
}
