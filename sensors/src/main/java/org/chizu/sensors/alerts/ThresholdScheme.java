package org.chizu.sensors.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.chizu.platform.Label;

/**
 * What a datastream's thresholds stand for, which decides their names, CAP category and wording.
 * River gauges carry the four national levels (水位周知河川・洪水予報河川の基準水位); soil moisture and
 * rain carry a site's own levels, named in the declaration.
 */
public enum ThresholdScheme {
    RIVER_LEVEL("river-level", "Met", new Label("河川水位", "River level"), List.of(
            new Label("水防団待機水位", "Flood-fighting standby level"),
            new Label("氾濫注意水位", "Flood caution level"),
            new Label("避難判断水位", "Evacuation judgement level"),
            new Label("氾濫危険水位", "Flood danger level"))),
    SOIL_MOISTURE("soil-moisture", "Geo", new Label("土壌水分", "Soil moisture"), List.of()),
    RAIN("rain", "Met", new Label("雨量", "Rainfall"), List.of());

    private final String code;
    private final String capCategory;
    private final Label observes;
    private final List<Label> nationalLevels;

    ThresholdScheme(String code, String capCategory, Label observes, List<Label> nationalLevels) {
        this.code = code;
        this.capCategory = capCategory;
        this.observes = observes;
        this.nationalLevels = nationalLevels;
    }

    public String code() {
        return code;
    }

    /** CAP 1.2 {@code category}: river and rain are meteorological (Met), soil moisture geophysical (Geo). */
    public String capCategory() {
        return capCategory;
    }

    public Label observes() {
        return observes;
    }

    /** The levels' names fixed nationally (river gauges), or empty where the site names its own. */
    public List<Label> nationalLevels() {
        return nationalLevels;
    }

    /**
     * Soil-moisture alerts are the town's own supplementary information (町独自の補足情報), never the
     * prefecture's official landslide alert (土砂災害警戒情報), and every message says so.
     */
    public Optional<Label> notice() {
        return this == SOIL_MOISTURE ? Optional.of(new Label(
                "この情報は町独自の補足情報です。県と気象台が発表する土砂災害警戒情報ではありません。",
                "This is the town's own supplementary information, not the landslide alert (土砂災害警戒情報) "
                        + "issued by the prefecture and the Meteorological Office.")) : Optional.empty();
    }

    public static Optional<ThresholdScheme> ofCode(String code) {
        return Arrays.stream(values()).filter(scheme -> scheme.code.equals(code)).findFirst();
    }
}
