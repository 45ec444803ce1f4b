package org.chizu.platform.jobs.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of background jobs ({@code chizu.jobs.*}); the defaults run out of the box.
 *
 * @param workers           the workers every process runs
 * @param lease             how long a claim holds a job without being renewed; a job whose process
 *                          died is taken over this long after its last renewal (renewed every third of it)
 * @param maxAttempts       a job that failed this many times (or whose process died this many times) fails for good
 * @param retryDelay        the wait before the second attempt; it doubles with each further one
 * @param maxRetryDelay     the longest wait between attempts
 * @param keepResultsFor    how long a done job's result file is kept before it expires and is deleted
 * @param expiryCheckInterval how often each process looks for expired results
 * @param maxActivePerOwner how many queued and running jobs one owner may have; more are refused with 429
 */
@ConfigurationProperties("chizu.jobs")
public record JobProperties(Workers workers, Duration lease, Integer maxAttempts, Duration retryDelay, Duration maxRetryDelay,
                            Duration keepResultsFor, Duration expiryCheckInterval, Integer maxActivePerOwner) {

    public JobProperties {
        workers = workers == null ? new Workers(null, null) : workers;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(30) : maxRetryDelay;
        keepResultsFor = keepResultsFor == null ? Duration.ofDays(7) : keepResultsFor;
        expiryCheckInterval = expiryCheckInterval == null ? Duration.ofMinutes(10) : expiryCheckInterval;
        maxActivePerOwner = maxActivePerOwner == null ? 5 : maxActivePerOwner;
        if (lease.toMillis() < 300 || maxAttempts < 1 || maxActivePerOwner < 1) {
            throw new IllegalArgumentException("chizu.jobs needs a lease of at least 300 ms, max-attempts and "
                    + "max-active-per-owner of at least 1");
        }
    }

    /** How often a running job's lease is renewed: three renewals fit in one lease. */
    Duration renewEvery() {
        return lease.dividedBy(3);
    }

    /** The wait after {@code failedAttempts} failed attempts: retry-delay, doubling, at most max-retry-delay. */
    Duration retryDelayAfter(int failedAttempts) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /**
     * The workers of one process ({@code chizu.jobs.workers.*}).
     *
     * @param threads      how many jobs this process runs at once
     * @param pollInterval how long an idle worker waits before looking again; a NOTIFY on queuing wakes it sooner
     */
    public record Workers(Integer threads, Duration pollInterval) {

        public Workers {
            threads = threads == null ? 2 : threads;
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
            if (threads < 1) {
                throw new IllegalArgumentException("chizu.jobs.workers.threads must be at least 1");
            }
        }
    }
}
