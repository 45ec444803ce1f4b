package org.chizu.sensors.alerts;

import java.time.Instant;
import java.util.List;

import org.chizu.platform.Label;

/**
 * An alert as the API shows it.
 *
 * @param state      raised (at its first level still), updated (its level changed since) or cleared
 * @param scheme     what the datastream's thresholds stand for (river-level, soil-moisture, rain), or null for missing readings
 * @param notice     what the alert is not (soil moisture: the town's own supplementary information), or null
 * @param log        every step so far, oldest first (only when one alert is asked for)
 */
public record Alert(long id, String kind, String state, long datastreamId, String datastream, String thing, String scheme,
                    int level, Label levelName, Double value, String unit, Instant observedAt, Instant raisedAt, Instant updatedAt,
                    Instant clearedAt, Acknowledgement acknowledged, Label notice, AlertArea area, List<Step> log) {

    Alert withArea(AlertArea area) {
        return new Alert(id, kind, state, datastreamId, datastream, thing, scheme, level, levelName, value, unit, observedAt, raisedAt,
                updatedAt, clearedAt, acknowledged, notice, area, log);
    }

    Alert withLog(List<Step> log) {
        return new Alert(id, kind, state, datastreamId, datastream, thing, scheme, level, levelName, value, unit, observedAt, raisedAt,
                updatedAt, clearedAt, acknowledged, notice, area, log);
    }

    /** The alert as the public sees it: that and when staff acknowledged it, not who did. */
    public Alert withoutStaffNames() {
        return new Alert(id, kind, state, datastreamId, datastream, thing, scheme, level, levelName, value, unit, observedAt, raisedAt,
                updatedAt, clearedAt, acknowledged == null ? null : new Acknowledgement(null, acknowledged.at()), notice, area,
                log == null ? null : log.stream().map(step -> new Step(step.id(), step.transition(), step.level(), step.levelName(),
                        step.value(), step.observedAt(), step.at(), null)).toList());
    }

    /** Who acknowledged the alert at its current level (for staff only), and when. */
    public record Acknowledgement(String by, Instant at) {
    }

    /** One logged step. */
    public record Step(long id, String transition, int level, Label levelName, Double value, Instant observedAt, Instant at, String by) {
    }
}
