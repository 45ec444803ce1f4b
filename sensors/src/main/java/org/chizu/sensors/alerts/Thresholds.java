package org.chizu.sensors.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.chizu.platform.Label;

/**
 * A datastream's alert levels, as declared in its {@code properties.thresholds}, lowest first:
 *
 * <pre>{@code "thresholds": {"scheme": "river-level", "levels": [2.5, 3.2, 3.9, 4.4], "clearMargin": 0.05}
 * "thresholds": {"scheme": "soil-moisture", "clearMargin": 1,
 *                "levels": [{"value": 35, "ja": "注意", "en": "Caution"}, {"value": 42, "ja": "警戒", "en": "Warning"}]}}</pre>
 *
 * A river gauge's four levels take the national names; a site's levels name themselves. A value at or
 * above a level's line reaches it; a level once reached is left only when the value falls below the
 * line by more than {@code clearMargin} (hysteresis), so a value dancing on a line raises one alert.
 *
 * @param scheme      what the levels stand for
 * @param levels      the levels, their lines ascending
 * @param clearMargin how far below a line a value must fall to leave its level (0: at once)
 */
public record Thresholds(ThresholdScheme scheme, List<Level> levels, double clearMargin) {

    /** One level: its line (at or above reaches it) and its name. */
    public record Level(int number, double line, Label name) {
    }

    public Thresholds {
        levels = List.copyOf(levels);
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).line() <= levels.get(i - 1).line()) {
                throw new IllegalArgumentException("thresholds.levels must rise, lowest first");
            }
        }
    }

    /**
     * The thresholds declared in a datastream's {@code thresholds} member, or empty when it declares
     * none.
     *
     * @throws IllegalArgumentException naming what is wrong with a declaration that cannot be read
     */
    public static Optional<Thresholds> of(JsonNode declared) {
        if (declared == null || declared.isNull()) {
            return Optional.empty();
        }
        ThresholdScheme scheme = ThresholdScheme.ofCode(declared.path("scheme").asText()).orElseThrow(() ->
                new IllegalArgumentException("thresholds.scheme must be river-level, soil-moisture or rain, not " + declared.path("scheme")));
        JsonNode given = declared.path("levels");
        if (!given.isArray() || given.isEmpty()) {
            throw new IllegalArgumentException("thresholds.levels must list at least one level");
        }
        if (!scheme.nationalLevels().isEmpty() && given.size() != scheme.nationalLevels().size()) {
            throw new IllegalArgumentException("thresholds.levels of a " + scheme.code() + " gauge are its " + scheme.nationalLevels().size()
                    + " national levels (水防団待機水位, 氾濫注意水位, 避難判断水位, 氾濫危険水位), not " + given.size());
        }
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            JsonNode level = given.get(i);
            JsonNode line = level.isObject() ? level.path("value") : level;
            if (!line.isNumber()) {
                throw new IllegalArgumentException("thresholds.levels[" + i + "] needs a number as its line");
            }
            Label name = scheme.nationalLevels().isEmpty()
                    ? new Label(level.path("ja").asText("レベル" + (i + 1)), level.path("en").asText("Level " + (i + 1)))
                    : scheme.nationalLevels().get(i);
            levels.add(new Level(i + 1, line.doubleValue(), name));
        }
        return Optional.of(new Thresholds(scheme, levels, Math.max(0, declared.path("clearMargin").asDouble(0))));
    }

    /**
     * The level a value brings a datastream to from {@code current} (0: none): the highest line it
     * reaches when that is at or above the current level, else the highest level up to the current one
     * whose line it is within the clear margin of.
     */
    public int levelAfter(int current, double value) {
        int reached = 0;
        for (Level level : levels) {
            if (value >= level.line()) {
                reached = level.number();
            }
        }
        if (reached >= current) {
            return reached;
        }
        int held = 0;
        for (Level level : levels) {
            if (level.number() <= current && value >= level.line() - clearMargin) {
                held = level.number();
            }
        }
        return held;
    }

    /** Level {@code number} (1 for the lowest). */
    public Level level(int number) {
        return levels.get(number - 1);
    }
}
