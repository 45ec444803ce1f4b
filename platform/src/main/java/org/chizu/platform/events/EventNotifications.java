package org.chizu.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.chizu.platform.BackgroundWork;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands every event committed by any process to this process's {@link Subscribers}, in id order. It
 * LISTENs on a connection of its own (outside the pool, named {@value #APPLICATION_NAME} in
 * {@code pg_stat_activity}) from a virtual thread; a notification only wakes it up, and it then reads
 * the kept events after the last one it delivered. So a notification missed while the connection was
 * down costs nothing: after reconnecting (with growing pauses) it reads what came meanwhile.
 */
@Component
@BackgroundWork
class EventNotifications implements SmartLifecycle {

    static final String APPLICATION_NAME = "chizu-live-events";

    private static final Logger log = LoggerFactory.getLogger(EventNotifications.class);
    /** How long one wait for notifications lasts, which bounds how long stopping takes. */
    private static final int WAIT_MILLIS = 500;
    private static final int PAGE = 500;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final DataSourceProperties database;
    private final EventLog events;
    private final Subscribers subscribers;

    private volatile boolean running;
    private Thread thread;
    /** The last id handed to the subscribers; -1 until the first connection listens. */
    private long delivered = -1;

    EventNotifications(DataSourceProperties database, EventLog events, Subscribers subscribers) {
        this.database = database;
        this.events = events;
        this.subscribers = subscribers;
    }

    /** Returns once the first connection listens (or has failed and is being retried). */
    @Override
    public synchronized void start() {
        running = true;
        Connection first = null;
        try {
            first = listeningConnection();
            delivered = events.lastId();
        } catch (SQLException | RuntimeException e) {
            log.warn("cannot listen for live events yet, retrying: {}", e.getMessage());
            close(first);
            first = null;
        }
        Connection connection = first;
        thread = Thread.ofVirtual().name(APPLICATION_NAME).start(() -> listen(connection));
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

    /** Listens until stopped; {@code connection} is the first listening connection, or null. */
    private void listen(Connection connection) {
        Duration pause = FIRST_PAUSE;
        while (running) {
            try {
                if (connection == null) {
                    connection = listeningConnection();
                    pause = FIRST_PAUSE;
                    deliverNew();
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    deliverNew();
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("live events: lost the database, retrying in {}: {}", pause, e.getMessage());
                close(connection);
                connection = null;
                sleep(pause);
                pause = longer(pause);
            }
        }
        close(connection);
    }

    /** Hands the subscribers every event after the last delivered one. */
    private void deliverNew() {
        if (delivered < 0) {
            delivered = events.lastId();
            return;
        }
        List<StoredEvent> page;
        do {
            page = events.after(delivered, PAGE);
            for (StoredEvent event : page) {
                subscribers.deliver(event);
                delivered = event.id();
            }
        } while (page.size() == PAGE);
    }

    private Connection listeningConnection() throws SQLException {
        Properties properties = new Properties();
        if (database.determineUsername() != null) {
            properties.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        // A peer that vanished without closing the connection is noticed by TCP keep-alive.
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(database.determineUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + EventLog.CHANNEL);
        } catch (SQLException e) {
            close(connection);
            throw e;
        }
        return connection;
    }

    private static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            // stop() interrupts; the loop then sees running == false.
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the listening connection: {}", e.getMessage());
        }
    }
}
