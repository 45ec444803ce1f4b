package org.chizu.counters;

import org.chizu.platform.Label;

/**
 * A ticket as its holder follows it.
 *
 * @param ahead            tickets of the same service waiting before it; 0 when it is next or called
 * @param estimatedMinutes the expected wait until it is called; 0 once called
 * @param soon             "your turn is near": waiting with at most {@code chizu.counters.notice-ahead} before it
 * @param topic            the live topic that announces every change of the office's queue
 */
public record TicketStatus(Ticket ticket, Label office, Label service, int ahead, int estimatedMinutes, boolean soon,
                           String topic, double minutesPerTicket) {
}
