package org.chizu.platform.jobs.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.chizu.platform.BackgroundWork;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes this process's idle workers when any process queues a job: LISTENs on one connection of
 * its own (outside the pool, {@value #APPLICATION_NAME} in {@code pg_stat_activity}). Polling stays
 * the safety net, so a lost connection is only retried after a poll interval, without fuss.
 */
@Component
@BackgroundWork
class JobWakeUps implements SmartLifecycle {

    static final String APPLICATION_NAME = "chizu-job-wake-ups";

    private static final Logger log = LoggerFactory.getLogger(JobWakeUps.class);
    /** How long one wait for notifications lasts, which bounds how long stopping takes. */
    private static final int WAIT_MILLIS = 500;

    private final DataSourceProperties database;
    private final JobWorkers workers;
    private final Duration retryAfter;

    private volatile boolean running;
    private Thread thread;

    JobWakeUps(DataSourceProperties database, JobWorkers workers, JobProperties properties) {
        this.database = database;
        this.workers = workers;
        this.retryAfter = properties.workers().pollInterval();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofVirtual().name(APPLICATION_NAME).start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = listeningConnection()) {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = notifications.getNotifications(WAIT_MILLIS);
                    if (heard != null && heard.length > 0) {
                        workers.wake();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.debug("not listening for queued jobs (polling every {} instead): {}", retryAfter, e.getMessage());
                    try {
                        Thread.sleep(retryAfter);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    private Connection listeningConnection() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("user", database.determineUsername());
        if (database.determinePassword() != null) {
            settings.setProperty("password", database.determinePassword());
        }
        settings.setProperty("ApplicationName", APPLICATION_NAME);
        Connection connection = DriverManager.getConnection(database.determineUrl(), settings);
        try (Statement listen = connection.createStatement()) {
            listen.execute("listen " + JobStore.CHANNEL);
        }
        return connection;
    }
}
