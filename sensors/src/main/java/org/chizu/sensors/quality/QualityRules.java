package org.chizu.sensors.quality;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A datastream's quality checks, as declared in its {@code properties.quality}; a check left out is
 * not made.
 *
 * <pre>{@code "quality": {"min": 0, "max": 8, "maxChangePerMinute": 0.3, "stuckCount": 6, "stuckMinutes": 60, "missingAfterMinutes": 30}}</pre>
 *
 * @param min                 the lowest plausible value (range check)
 * @param max                 the highest plausible value (range check)
 * @param maxChangePerMinute  the largest plausible change per minute from the previous valid reading (rate of change)
 * @param stuckCount          this many identical readings in a row make the last of them stuck (flat line)
 * @param stuckMinutes        identical readings over this many minutes make the last of them stuck (flat line)
 * @param missingAfterMinutes no reading for this many minutes raises a missing-data alert
 */
public record QualityRules(Double min, Double max, Double maxChangePerMinute, Integer stuckCount, Double stuckMinutes,
                           Double missingAfterMinutes) {

    /**
     * The checks declared in a datastream's {@code quality} member (null or missing: none).
     *
     * @throws IllegalArgumentException naming a check whose value is not a number
     */
    public static QualityRules of(JsonNode quality) {
        if (quality == null || quality.isNull()) {
            return new QualityRules(null, null, null, null, null, null);
        }
        if (!quality.isObject()) {
            throw new IllegalArgumentException("quality must be an object such as {\"min\": 0, \"max\": 8}");
        }
        Double stuckCount = number(quality, "stuckCount");
        return new QualityRules(number(quality, "min"), number(quality, "max"), number(quality, "maxChangePerMinute"),
                stuckCount == null ? null : stuckCount.intValue(), number(quality, "stuckMinutes"), number(quality, "missingAfterMinutes"));
    }

    boolean checksFlatLine() {
        return stuckCount != null || stuckMinutes != null;
    }

    private static Double number(JsonNode quality, String name) {
        JsonNode value = quality.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("quality." + name + " must be a number, not " + value);
        }
        return value.doubleValue();
    }
}
