package org.chizu.sensors.alerts;

import java.time.Instant;

import org.chizu.platform.Label;

/**
 * One step of an alert's life, as logged and announced on live topic {@code alerts}.
 *
 * @param transition raised, updated (its level changed), cleared or acknowledged
 * @param level      the level after the step (for a clear, the level that was cleared)
 * @param value      the reading that caused it, or null (missing readings, acknowledgements)
 * @param observedAt when that reading was observed, or the last reading's time for missing readings
 * @param by         who acknowledged, or null
 */
public record AlertTransition(long alertId, long datastreamId, String kind, String transition, int level, Label levelName,
                              Double value, Instant observedAt, String by) {
}
