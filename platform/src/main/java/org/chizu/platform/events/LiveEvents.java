package org.chizu.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.chizu.platform.events.EventLog.NewEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes live events to every client following their topic on {@code GET /events}, through
 * whichever Chizu process on the database the client is connected to. Any module publishes through
 * this one class: {@code liveEvents.publish("alerts", Map.of("level", "warning", …))}.
 *
 * <p>Inside a transaction an event is appended to the kept events and announced just before the
 * transaction commits, in it: it is delivered if and only if the transaction commits, after the data
 * it speaks of is visible. Outside one it is appended and announced in a transaction of its own.
 * Publishing never waits for clients.
 */
@Component
public class LiveEvents {

    /** The largest event data accepted, as JSON in UTF-8. */
    public static final int MAX_DATA_BYTES = 64 * 1024;

    private final EventLog log;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    LiveEvents(EventLog log, TransactionTemplate transaction, ObjectMapper json) {
        this.log = log;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Publishes {@code data}, written as JSON, as an event named {@code topic}.
     *
     * @throws IllegalArgumentException when the topic is malformed (see {@link #userTopic}) or the
     *                                  data cannot be written as JSON of at most {@link #MAX_DATA_BYTES}
     */
    public void publish(String topic, Object data) {
        NewEvent event = new NewEvent(checkedTopic(topic), asJson(data));
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            PendingEvents.ofCurrentTransaction(log).events.add(event);
        } else {
            transaction.executeWithoutResult(tx -> log.append(List.of(event)));
        }
    }

    /**
     * The topic only the signed-in user {@code userName} may follow, such as {@code user.tanaka.jobs}
     * for the progress of tanaka's jobs. Other topics are public, except {@code staff.…} ones, which
     * only staff may follow.
     *
     * @param leaf one segment of lower-case letters, digits, {@code _} and {@code -}
     * @throws IllegalArgumentException when the name or leaf cannot make a topic
     */
    public static String userTopic(String userName, String leaf) {
        try {
            return Topics.ofUser(userName, leaf);
        } catch (EventsProblem e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String checkedTopic(String topic) {
        try {
            return Topics.require(topic);
        } catch (EventsProblem e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private String asJson(Object data) {
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("event data is larger than " + MAX_DATA_BYTES + " bytes as JSON");
        }
        return text;
    }

    /**
     * The events a transaction has published, appended in it just before it commits. Last in order,
     * so that the append lock is held only for the commit itself.
     */
    private static final class PendingEvents implements TransactionSynchronization {

        private final EventLog log;
        private final List<NewEvent> events = new ArrayList<>();

        private PendingEvents(EventLog log) {
            this.log = log;
        }

        static PendingEvents ofCurrentTransaction(EventLog log) {
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof PendingEvents pending) {
                    return pending;
                }
            }
            PendingEvents pending = new PendingEvents(log);
            TransactionSynchronizationManager.registerSynchronization(pending);
            return pending;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            log.append(events);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
