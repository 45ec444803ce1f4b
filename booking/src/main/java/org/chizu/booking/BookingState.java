package org.chizu.booking;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a booking is in its life; only held, applied and confirmed bookings keep their slot. */
public enum BookingState {
    /** Kept for the resident for a few minutes while they confirm. */
    HELD,
    /** Confirmed by the resident; staff approve it, since the unit needs approval. */
    APPLIED,
    CONFIRMED,
    CANCELLED,
    /** A hold that was not confirmed in time. */
    EXPIRED;

    /** The name in the database and in JSON ("confirmed"). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BookingState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
