package org.chizu.booking;

import java.time.LocalTime;

/** When a unit opens and closes on one weekday, in the town's time. */
public record OpeningHours(LocalTime opens, LocalTime closes) {
}
