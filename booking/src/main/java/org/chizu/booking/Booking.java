package org.chizu.booking;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.chizu.platform.Label;

/**
 * One booking of a unit, from {@code start} (included) to {@code end} (excluded), in the town's time.
 *
 * @param heldUntil      when a hold lapses unless confirmed; null once it is no longer held
 * @param organisationId the approved group booked for, or null for a person's own booking
 * @param feeYen         the fee fixed when the slot was held ({@code quote}'s total)
 * @param quote          how the fee was computed; null for bookings made before fees
 * @param payment        the payment once the booking is confirmed with a fee; else null
 */
public record Booking(long id, long unitId, Label unitName, String facilityName, long accountId,
                      OffsetDateTime start, OffsetDateTime end, BookingState state, Instant heldUntil,
                      Long organisationId, int feeYen, Quote quote, Payment payment) {
}
