package org.chizu.gis.layer.changes;

import java.util.List;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.StoredLayerDeclarations;
import org.chizu.platform.BackgroundWork;
import org.chizu.platform.listen.DatabaseListener;
import org.chizu.platform.listen.DatabaseListener.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
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
class LayerChangeListener extends DatabaseListener {

    static final String APPLICATION_NAME = "chizu-layer-changes";

    private static final Logger log = LoggerFactory.getLogger(LayerChangeListener.class);

    private final LayerChanges changes;
    private final LayerRegistry registry;
    private final ApplicationEventPublisher events;

    LayerChangeListener(DataSourceProperties database, LayerChanges changes, LayerRegistry registry,
                        ApplicationEventPublisher events) {
        super(database, APPLICATION_NAME, List.of(LayerChangeMessage.CHANNEL, StoredLayerDeclarations.CHANNEL));
        this.changes = changes;
        this.registry = registry;
        this.events = events;
    }

    /** After a reconnection: what was missed is unknown, so every layer counts as changed. */
    @Override
    protected void listening(boolean again) {
        if (again) {
            log.info("reloading the declarations and treating every layer as changed");
            reload();
            registry.all().forEach(layer -> publish(LayerDataChanged.wholeLayer(layer.id())));
        }
    }

    @Override
    protected void heard(List<Notification> notifications) {
        for (Notification notification : notifications) {
            if (notification.channel().equals(StoredLayerDeclarations.CHANNEL)) {
                reload();
                continue;
            }
            LayerChangeMessage message;
            try {
                message = LayerChangeMessage.parse(notification.payload());
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
}
