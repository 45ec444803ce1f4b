package org.chizu.booking;

import java.time.LocalDate;

/**
 * Which units a resident looks for; a null field does not filter.
 *
 * @param kind        hall, room, gym, pitch or court
 * @param minCapacity at least this many people
 * @param openOn      open on this day (its weekday's hours, and not closed for a holiday)
 */
public record UnitFilter(String kind, Integer minCapacity, LocalDate openOn) {

    public static UnitFilter all() {
        return new UnitFilter(null, null, null);
    }
}
