package org.chizu.counters;

import java.time.OffsetDateTime;
import java.util.List;

import org.chizu.platform.Label;

/**
 * An office's queue as the board, the staff desks and every follower's phone show it; also the data
 * of each live event on the office's topic, so that a phone needs no request of its own to update.
 *
 * @param serving the tickets being served now, one per desk, latest call first
 * @param calls   today's latest calls, latest first (the board's history)
 * @param queues  per service the office handles: the waiting numbers in order and the minutes per ticket
 */
public record QueueState(String office, OffsetDateTime at, List<Call> serving, List<Call> calls, List<ServiceQueue> queues) {

    public record Call(String number, String service, String desk, OffsetDateTime calledAt) {
    }

    /**
     * @param minutesPerTicket how long each ticket ahead adds to the wait at this hour: the service's
     *                         history of calls at this office and hour, or its typical minutes
     */
    public record ServiceQueue(String service, Label name, List<String> waiting, double minutesPerTicket) {
    }
}
