package org.chizu.sensors.readings;

import java.time.Instant;
import java.util.List;

import org.chizu.platform.Label;

/**
 * One sensor as the public map shows it.
 *
 * @param observes  what it measures (河川水位, 土壌水分, 雨量)
 * @param scheme    what its thresholds stand for: river-level, soil-moisture or rain
 * @param value     the latest valid value, or null before the first
 * @param level     the level it stands at: its open alert's level, else the highest line the value reaches (0: none)
 * @param levelName that level's name, or null at level 0
 * @param lines     the levels' lines, lowest first, for the sparkline
 */
public record SensorReading(long datastreamId, String thing, Label observes, String scheme, String unit, double lon, double lat,
                            Double value, Instant observedAt, int level, Label levelName, List<Double> lines) {
}
