package org.chizu.platform.events;

import java.util.List;

import org.chizu.platform.BackgroundWork;
import org.chizu.platform.listen.DatabaseListener;
import org.chizu.platform.listen.DatabaseListener.Notification;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
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
class EventNotifications extends DatabaseListener {

    static final String APPLICATION_NAME = "chizu-live-events";

    private static final int PAGE = 500;

    private final EventLog events;
    private final Subscribers subscribers;

    /** The last id handed to the subscribers. */
    private long delivered;

    EventNotifications(DataSourceProperties database, EventLog events, Subscribers subscribers) {
        super(database, APPLICATION_NAME, List.of(EventLog.CHANNEL));
        this.events = events;
        this.subscribers = subscribers;
    }

    /** From the first connection on, every event after the newest one then; after a reconnection, what came meanwhile. */
    @Override
    protected void listening(boolean again) {
        if (again) {
            deliverNew();
        } else {
            delivered = events.lastId();
        }
    }

    @Override
    protected void heard(List<Notification> notifications) {
        deliverNew();
    }

    /** Hands the subscribers every event after the last delivered one. */
    private void deliverNew() {
        List<StoredEvent> page;
        do {
            page = events.after(delivered, PAGE);
            for (StoredEvent event : page) {
                subscribers.deliver(event);
                delivered = event.id();
            }
        } while (page.size() == PAGE);
    }
}
