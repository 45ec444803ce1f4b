package org.chizu.platform.jobs.internal;

import java.util.List;

import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the results of done jobs once {@code chizu.jobs.keep-results-for} has passed and marks the
 * jobs expired. The files go first, inside the transaction that locks the jobs: a process that
 * dies in between leaves a done job without its file, which the next look expires.
 */
@Component
class ExpiredResults {

    private static final Logger log = LoggerFactory.getLogger(ExpiredResults.class);
    private static final int BATCH = 100;

    private final JobStore store;
    private final JobFiles files;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    ExpiredResults(JobStore store, JobFiles files, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.store = store;
        this.files = files;
        this.transaction = transaction;
        this.events = events;
    }

    void delete() {
        List<Job> expired;
        do {
            expired = transaction.execute(tx -> store.lockExpiredResults(BATCH).stream().map(job -> {
                files.deleteAll(job.id());
                return store.markExpired(job.id());
            }).toList());
            expired.forEach(job -> events.publishEvent(JobChanged.of(job)));
            if (!expired.isEmpty()) {
                log.info("deleted the expired results of {} jobs", expired.size());
            }
        } while (expired.size() == BATCH);
    }
}
