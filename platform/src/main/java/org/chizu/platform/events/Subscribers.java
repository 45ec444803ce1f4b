package org.chizu.platform.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.chizu.platform.BackgroundWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The clients this process serves on {@code /events}, at most {@code chizu.events.max-subscribers}.
 * The listener hands each event to those following its topic. On shutdown every connection is ended,
 * so that clients reconnect (with Last-Event-ID) to another process at once.
 */
@Component
@BackgroundWork
class Subscribers implements SmartLifecycle {

    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final EventLog events;
    private final EventsProperties properties;
    private volatile boolean running;

    Subscribers(EventLog events, EventsProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    /**
     * Opens a connection that receives the topics' events from now on, after those after
     * {@code lastEventId} when it is given.
     *
     * @throws EventsProblem (503) when this process already serves as many as it may
     */
    SseEmitter subscribe(Set<String> topics, Long lastEventId) {
        if (count.incrementAndGet() > properties.maxSubscribers()) {
            count.decrementAndGet();
            throw EventsProblem.tooManySubscribers(properties.maxSubscribers());
        }
        Subscription subscription = new Subscription(topics, lastEventId, properties);
        // Listed before the replay starts, so that nothing published meanwhile falls between the two.
        open.add(subscription);
        subscription.start(events, () -> {
            if (open.remove(subscription)) {
                count.decrementAndGet();
            }
        });
        return subscription.emitter();
    }

    void deliver(StoredEvent event) {
        for (Subscription subscription : open) {
            if (subscription.follows(event.topic())) {
                subscription.offer(event);
            }
        }
    }

    int size() {
        return count.get();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(Subscription::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
