package org.chizu.counters;

import java.time.LocalTime;

/** When an office opens and closes on one weekday, in the town's time. */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }
}
