package org.chizu.gis.layer.changes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.StoredLayerDeclarations;
import org.chizu.platform.BackgroundWork;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the layer changes that other processes commit and publishes them here as local
 * {@link LayerDataChanged} events, and reloads the registry when any process announces that layer
 * declarations changed ({@link StoredLayerDeclarations#CHANNEL}). It holds one connection of its own (outside the pool, named
 * {@value #APPLICATION_NAME} in {@code pg_stat_activity}), LISTENs on it from a virtual thread and,
 * when the connection drops, reconnects with growing pauses.
 *
 * <p>Notifications sent while no connection was listening are lost, so after a reconnection every
 * layer is announced as wholly changed and the registry reloads: caches drop more than needed rather
 * than keep stale data.
 * {@link #start()} returns once the first connection listens (or has failed and is being retried),
 * so a change committed after start-up is heard.
 *
 * <p>Web servers listen; commands ({@code ./chizu import …}) do not, as they only make changes and exit.
 */
@Component
@BackgroundWork
class LayerChangeListener implements SmartLifecycle {

    static final String APPLICATION_NAME = "chizu-layer-changes";

    private static final Logger log = LoggerFactory.getLogger(LayerChangeListener.class);
    private static final List<String> LISTEN = List.of("listen " + LayerChangeMessage.CHANNEL,
            "listen " + StoredLayerDeclarations.CHANNEL);
    /** How long one wait for notifications lasts, which bounds how long stopping takes. */
    private static final int WAIT_MILLIS = 500;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final DataSourceProperties database;
    private final LayerChanges changes;
    private final LayerRegistry registry;
    private final ApplicationEventPublisher events;

    private volatile boolean running;
    private Thread thread;

    LayerChangeListener(DataSourceProperties database, LayerChanges changes, LayerRegistry registry,
                        ApplicationEventPublisher events) {
        this.database = database;
        this.changes = changes;
        this.registry = registry;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        running = true;
        Connection first = null;
        try {
            first = listeningConnection();
        } catch (SQLException e) {
            log.warn("cannot listen for layer changes yet, retrying: {}", e.getMessage());
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
        boolean everListened = connection != null;
        while (running) {
            if (connection == null) {
                try {
                    connection = listeningConnection();
                } catch (SQLException e) {
                    log.warn("cannot listen for layer changes, retrying in {}: {}", pause, e.getMessage());
                    sleep(pause);
                    pause = longer(pause);
                    continue;
                }
                if (everListened) {
                    log.info("listening for layer changes again; reloading the declarations and treating every layer as changed");
                    reload();
                    registry.all().forEach(layer -> publish(LayerDataChanged.wholeLayer(layer.id())));
                }
                everListened = true;
                pause = FIRST_PAUSE;
            }
            try {
                receive(connection);
            } catch (SQLException e) {
                if (running) {
                    log.warn("lost the connection that listens for layer changes: {}", e.getMessage());
                }
                close(connection);
                connection = null;
            }
        }
        close(connection);
    }

    private void receive(Connection connection) throws SQLException {
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
        if (notifications == null) {
            return;
        }
        for (PGNotification notification : notifications) {
            if (notification.getName().equals(StoredLayerDeclarations.CHANNEL)) {
                reload();
                continue;
            }
            LayerChangeMessage message;
            try {
                message = LayerChangeMessage.parse(notification.getParameter());
            } catch (IllegalArgumentException e) {
                log.warn("ignoring a notification on {}: {}", LayerChangeMessage.CHANNEL, e.getMessage());
                continue;
            }
            if (!changes.madeHere(message)) {
                publish(message.change());
            }
        }
    }

    /** Reloads the registry; a listener failing on the reload must not stop the listening. */
    private void reload() {
        try {
            registry.reload();
        } catch (RuntimeException e) {
            log.error("reloading the layer declarations failed", e);
        }
    }

    /** Publishes to this process's listeners; one failing listener must not stop the listening. */
    private void publish(LayerDataChanged change) {
        try {
            events.publishEvent(change);
        } catch (RuntimeException e) {
            log.error("a listener failed on {}", change, e);
        }
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
            for (String listen : LISTEN) {
                statement.execute(listen);
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
