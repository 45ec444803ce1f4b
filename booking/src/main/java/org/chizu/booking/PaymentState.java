package org.chizu.booking;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a booking's payment stands: pending → paid → refunded or partially-refunded; a pending
 * payment whose deadline passes is expired (and its booking released), one whose booking is
 * cancelled before paying is cancelled.
 */
public enum PaymentState {
    PENDING, PAID, REFUNDED, PARTIALLY_REFUNDED, EXPIRED, CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static PaymentState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
