package org.chizu.booking;

import java.time.Instant;

/**
 * A booking's payment.
 *
 * @param method      "counter" or "online" once paid (or while a checkout is open online); else null
 * @param dueAt       unpaid by then, the booking is released
 * @param refundedYen what was handed back by the cancellation rules
 */
public record Payment(long id, long bookingId, PaymentState state, String method, int amountYen, int refundedYen,
                      Instant dueAt, Instant paidAt) {
}
