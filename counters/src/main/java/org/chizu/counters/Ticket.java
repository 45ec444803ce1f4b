package org.chizu.counters;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A queue ticket (整理券).
 *
 * @param number   as shown and called: the service's prefix and the day's number, "A12"
 * @param sequence the day's number for the office and service, from 1 without gaps
 * @param token    the unguessable part of its follow address, {@code /counters/tickets/{token}}
 * @param channel  {@code kiosk} (taken in the office) or {@code remote} (from a phone)
 * @param state    {@code waiting}, {@code called}, {@code served} or {@code absent}
 * @param desk     the desk that called it; null while waiting
 */
public record Ticket(long id, String office, String service, LocalDate day, String number, int sequence, String token,
                     String channel, String state, String desk, OffsetDateTime takenAt, OffsetDateTime calledAt) {

    public boolean waiting() {
        return "waiting".equals(state);
    }
}
