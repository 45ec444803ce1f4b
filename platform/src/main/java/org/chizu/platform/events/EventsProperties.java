package org.chizu.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of live events ({@code chizu.events.*}); the defaults run out of the box.
 *
 * @param heartbeat      how long a connection may stay silent before a comment line is sent, so that
 *                       proxies keep it open and a client that has gone is noticed
 * @param timeout        how long one connection lasts before the server ends it; the client reconnects
 *                       with Last-Event-ID at once, and the access policy is asked again
 * @param reconnectDelay the {@code retry} sent to clients: how long they wait before reconnecting
 * @param maxSubscribers open connections this process serves at most; more are refused with 503
 * @param backlog        events waiting for one slow client at most; beyond that its connection is closed
 *                       and it catches up from the kept events when it reconnects
 * @param keepFor        how long published events are kept for replay
 * @param keepAtMost     how many published events are kept for replay at most
 * @param pruneInterval  how often each listening process deletes the events beyond those bounds
 */
@ConfigurationProperties("chizu.events")
record EventsProperties(Duration heartbeat, Duration timeout, Duration reconnectDelay,
        Integer maxSubscribers, Integer backlog, Duration keepFor, Integer keepAtMost, Duration pruneInterval) {

    EventsProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
        timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(3) : reconnectDelay;
        maxSubscribers = maxSubscribers == null ? 1000 : maxSubscribers;
        backlog = backlog == null ? 256 : backlog;
        keepFor = keepFor == null ? Duration.ofHours(1) : keepFor;
        keepAtMost = keepAtMost == null ? 10_000 : keepAtMost;
        pruneInterval = pruneInterval == null ? Duration.ofMinutes(1) : pruneInterval;
        if (heartbeat.isNegative() || heartbeat.isZero() || timeout.compareTo(heartbeat) <= 0 || maxSubscribers < 1
                || backlog < 1 || keepAtMost < 1) {
            throw new IllegalArgumentException("chizu.events needs a positive heartbeat shorter than the timeout, "
                    + "and positive max-subscribers, backlog and keep-at-most");
        }
    }
}
