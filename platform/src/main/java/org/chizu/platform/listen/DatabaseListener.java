package org.chizu.platform.listen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;

/**
 * A part of a server that LISTENs on PostgreSQL channels through a connection of its own (outside the
 * pool, named {@code applicationName} in {@code pg_stat_activity}) from a virtual thread, started and
 * stopped with the application. When the connection drops, or handling what was heard fails, it
 * reconnects with growing pauses and says so through {@link #listening(boolean)}, since notifications
 * sent meanwhile are lost: the subclass then catches up in its own way.
 */
public abstract class DatabaseListener implements SmartLifecycle {

    /** One notification: its channel and payload. */
    public record Notification(String channel, String payload) {
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseListener.class);
    /** How long one wait for notifications lasts, which bounds how long stopping takes. */
    private static final int WAIT_MILLIS = 500;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final DataSourceProperties database;
    private final String applicationName;
    private final List<String> channels;

    private volatile boolean running;
    private Thread thread;

    /**
     * @param database        where to connect
     * @param applicationName the connection's name, also the thread's and the logs'
     * @param channels        the channels to LISTEN on (identifiers from code, never from input)
     */
    protected DatabaseListener(DataSourceProperties database, String applicationName, List<String> channels) {
        this.database = database;
        this.applicationName = applicationName;
        this.channels = List.copyOf(channels);
    }

    /** The notifications that arrived together, in the order they were committed; in the listening thread. */
    protected abstract void heard(List<Notification> notifications);

    /**
     * The connection listens: the first time ({@code again} false) or after a reconnection, when
     * notifications may have been missed. A failure here is retried like a lost connection.
     */
    protected void listening(boolean again) {
    }

    /** Returns once the first connection listens (or has failed and is being retried), so a change committed after it is heard. */
    @Override
    public synchronized void start() {
        running = true;
        Connection first = null;
        try {
            first = listeningConnection();
            listening(false);
        } catch (SQLException | RuntimeException e) {
            log.warn("{}: cannot listen yet, retrying: {}", applicationName, e.getMessage());
            close(first);
            first = null;
        }
        Connection connection = first;
        thread = Thread.ofVirtual().name(applicationName).start(() -> listen(connection, connection != null));
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
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
    private void listen(Connection connection, boolean everListened) {
        Duration pause = FIRST_PAUSE;
        while (running) {
            try {
                if (connection == null) {
                    connection = listeningConnection();
                    if (everListened) {
                        log.info("{}: listening again", applicationName);
                    }
                    listening(everListened);
                    everListened = true;
                    pause = FIRST_PAUSE;
                }
                PGNotification[] heard = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                if (heard != null && heard.length > 0) {
                    heard(Arrays.stream(heard).map(n -> new Notification(n.getName(), n.getParameter())).toList());
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("{}: lost the database or failed on what it heard, retrying in {}: {}", applicationName, pause,
                        e.getMessage());
                close(connection);
                connection = null;
                sleep(pause);
                pause = longer(pause);
            }
        }
        close(connection);
    }

    private Connection listeningConnection() throws SQLException {
        Properties properties = new Properties();
        if (database.determineUsername() != null) {
            properties.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        // A peer that vanished without closing the connection is noticed by TCP keep-alive.
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(database.determineUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            for (String channel : channels) {
                statement.execute("listen " + channel);
            }
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
