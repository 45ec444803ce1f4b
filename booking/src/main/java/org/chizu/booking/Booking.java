package org.chizu.booking;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.chizu.platform.Label;

/**
 * One booking of a unit, from {@code start} (included) to {@code end} (excluded), in the town's time.
 *
 * @param heldUntil when a hold lapses unless confirmed; null once it is no longer held
 */
public record Booking(long id, long unitId, Label unitName, String facilityName, long accountId,
                      OffsetDateTime start, OffsetDateTime end, BookingState state, Instant heldUntil) {
}
