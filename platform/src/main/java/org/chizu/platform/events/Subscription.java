package org.chizu.platform.events;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's connection to {@code /events}: its topics, the events waiting for it and the virtual
 * thread that writes them. Only that thread writes, so a slow client holds up no one but itself; when
 * more than the backlog waits, the connection is closed and the client, reconnecting with
 * Last-Event-ID, catches up from the kept events.
 *
 * <p>The thread first replays the kept events after the client's Last-Event-ID, then sends what the
 * listener hands over, skipping what the replay already sent; ids only grow, so the client sees each
 * event once and in order. A new client is told the id it starts after before any event, so that
 * its browser sends it back as Last-Event-ID if the connection drops before the first event: what
 * is published while it reconnects is not lost. When nothing is sent for a heartbeat, it sends a
 * comment line.
 */
final class Subscription {

    private static final Logger log = LoggerFactory.getLogger(Subscription.class);
    private static final int REPLAY_PAGE = 500;

    private final Set<String> topics;
    private final SseEmitter emitter;
    private final BlockingQueue<StoredEvent> waiting;
    private final EventsProperties properties;
    private volatile boolean closed;
    private volatile Thread writer;
    /** The id of the last event sent, or that the client starts after; only the writer thread touches it. */
    private long lastSent;
    private final boolean replay;

    /**
     * @param lastEventId the client's Last-Event-ID, or null for a new client (who gets only what comes next)
     */
    Subscription(Set<String> topics, Long lastEventId, EventsProperties properties) {
        this.topics = Set.copyOf(topics);
        this.properties = properties;
        this.emitter = new SseEmitter(properties.timeout().toMillis());
        this.waiting = new ArrayBlockingQueue<>(properties.backlog());
        this.replay = lastEventId != null;
        this.lastSent = lastEventId == null ? -1 : lastEventId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    boolean follows(String topic) {
        return topics.contains(topic);
    }

    /** Hands an event over without waiting; a client that has fallen too far behind is disconnected. */
    void offer(StoredEvent event) {
        if (!waiting.offer(event)) {
            log.info("closing a live-events connection that fell {} events behind", waiting.size());
            close();
        }
    }

    /** Starts writing; {@code onEnd} runs once when the connection has ended, however it ended. */
    void start(EventLog events, Runnable onEnd) {
        emitter.onTimeout(emitter::complete);
        emitter.onCompletion(this::close);
        emitter.onError(e -> close());
        writer = Thread.ofVirtual().name("chizu-live-events-client").start(() -> {
            try {
                write(events);
            } catch (IOException | IllegalStateException e) {
                log.debug("a live-events connection ended: {}", e.getMessage());
            } catch (InterruptedException e) {
                // closed
            } finally {
                closed = true;
                onEnd.run();
                emitter.complete();
            }
        });
    }

    void close() {
        closed = true;
        if (writer != null) {
            writer.interrupt();
        }
    }

    private void write(EventLog events) throws IOException, InterruptedException {
        if (!replay) {
            // Listed already, so every event after this one reaches the queue.
            lastSent = events.lastId();
        }
        emitter.send(SseEmitter.event().id(Long.toString(lastSent)).reconnectTime(properties.reconnectDelay().toMillis())
                .comment("chizu live events"));
        if (replay) {
            List<StoredEvent> page;
            do {
                page = events.after(lastSent, topics, REPLAY_PAGE);
                for (StoredEvent event : page) {
                    send(event);
                }
            } while (page.size() == REPLAY_PAGE && !closed);
        }
        long heartbeat = properties.heartbeat().toMillis();
        while (!closed) {
            StoredEvent event = waiting.poll(heartbeat, TimeUnit.MILLISECONDS);
            if (event == null) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } else if (event.id() > lastSent) {
                send(event);
            }
        }
    }

    private void send(StoredEvent event) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.topic()).data(event.data()));
        lastSent = event.id();
    }
}
