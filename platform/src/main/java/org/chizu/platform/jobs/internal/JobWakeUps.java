package org.chizu.platform.jobs.internal;

import java.util.List;

import org.chizu.platform.BackgroundWork;
import org.chizu.platform.listen.DatabaseListener;
import org.chizu.platform.listen.DatabaseListener.Notification;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Wakes this process's idle workers when any process queues a job: LISTENs on one connection of
 * its own (outside the pool, {@value #APPLICATION_NAME} in {@code pg_stat_activity}). Polling stays
 * the safety net for what is queued while the connection is down.
 */
@Component
@BackgroundWork
class JobWakeUps extends DatabaseListener {

    static final String APPLICATION_NAME = "chizu-job-wake-ups";

    private final JobWorkers workers;

    JobWakeUps(DataSourceProperties database, JobWorkers workers) {
        super(database, APPLICATION_NAME, List.of(JobStore.CHANNEL));
        this.workers = workers;
    }

    @Override
    protected void heard(List<Notification> notifications) {
        workers.wake();
    }
}
