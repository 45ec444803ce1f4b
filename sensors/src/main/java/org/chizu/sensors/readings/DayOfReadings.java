package org.chizu.sensors.readings;

import java.time.Instant;
import java.util.List;

/**
 * A datastream's valid readings of the 24 hours up to its latest one, oldest first.
 *
 * @param times  when each reading was observed
 * @param values the readings, one for each time
 */
public record DayOfReadings(long datastreamId, String unit, List<Instant> times, List<Double> values) {
}
