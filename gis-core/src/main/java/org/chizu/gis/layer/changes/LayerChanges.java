package org.chizu.gis.layer.changes;

import java.util.UUID;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.platform.BackgroundWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces a change of a layer's features to every Chizu process on the database, this one included.
 *
 * <p>The announcement is {@code pg_notify} inside the transaction that made the change, rather than a
 * NOTIFY sent after the commit: PostgreSQL delivers a transaction's notifications when, and only when,
 * it commits, in commit order, so a rolled-back change is never announced, and a crash between the
 * commit and a separate NOTIFY cannot lose the announcement of a committed one. This process hears
 * the change as a local {@link LayerDataChanged} event right after the commit; its own notification
 * carries its {@link #origin} and is ignored by its {@link LayerChangeListener}, so every process
 * hears each change exactly once.
 */
@Component
public class LayerChanges {

    private static final String NOTIFY = """
            select pg_notify(?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final boolean heardHere;
    private final String origin = UUID.randomUUID().toString();

    /**
     * @param jdbc   runs in the caller's transaction (the same data source as its transaction manager)
     * @param events    where this process hears the change after the commit
     * @param heardHere false in a command, which keeps no caches to drop and only tells the servers
     */
    public LayerChanges(JdbcTemplate jdbc, ApplicationEventPublisher events,
            @Value("${" + BackgroundWork.PROPERTY + ":true}") boolean heardHere) {
        this.jdbc = jdbc;
        this.events = events;
        this.heardHere = heardHere;
    }

    /**
     * Announces the change when the current transaction commits; nothing is announced if it rolls back.
     *
     * @throws IllegalStateException when no transaction is active: a change announced outside one
     *                               could be heard before, or without, its data
     */
    public void publishOnCommit(LayerDataChanged change) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a layer change is announced in the transaction that makes it");
        }
        jdbc.query(NOTIFY, rs -> null, LayerChangeMessage.CHANNEL, LayerChangeMessage.of(origin, change).toJson());
        if (!heardHere) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(change);
            }
        });
    }

    /** True when this process announced the change (and so has already heard it). */
    boolean madeHere(LayerChangeMessage message) {
        return origin.equals(message.origin());
    }
}
