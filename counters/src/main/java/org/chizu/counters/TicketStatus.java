package org.chizu.counters;

import org.chizu.platform.Label;

/**
 * A ticket as its holder follows it.
 *
 * @param ahead            tickets of the same service waiting before it; 0 when it is next or called
 * @param estimatedMinutes the expected wait until it is called; 0 once called
 * @param soon             "your turn is near": waiting with at most {@code chizu.counters.notice-ahead} before it
 * @param noticeAhead      how few may wait before it for {@code soon}
 * @param topic            the live topic that announces every change of the office's queue
 * @param minutesPerTicket how long each ticket ahead adds to the wait (see {@link QueueState.ServiceQueue})
 * @param mail             the "three away" mail of a ticket that left an address (to whom, masked, and
 *                         when it was queued); null when no address was left
 */
public record TicketStatus(Ticket ticket, Label office, Label service, int ahead, int estimatedMinutes, boolean soon,
                           int noticeAhead, String topic, double minutesPerTicket, TurnMail mail) {
}
