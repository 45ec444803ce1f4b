package org.chizu.sensors.quality;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Published once per appended batch, in its transaction, after quality control flagged what it
 * flagged: what later steps (thresholds, alerts) may use.
 *
 * @param valid       the numeric readings that passed every check, in phenomenon-time order per datastream
 * @param heardFrom   every datastream that sent a reading, valid or not (it is not silent)
 */
public record QualityChecked(List<ValidReading> valid, Set<Long> heardFrom) {

    /** One valid numeric reading. */
    public record ValidReading(long datastreamId, long observationId, Instant time, double value) {
    }
}
