package org.chizu.counters;

import com.fasterxml.jackson.annotation.JsonValue;

import org.chizu.platform.Label;

/** How crowded an office is now, as the public map colours it. */
public enum CrowdingLevel {
    QUIET(new Label("空いています", "Not busy")),
    BUSY(new Label("やや混雑", "Fairly busy")),
    CROWDED(new Label("混雑", "Crowded")),
    CLOSED(new Label("受付時間外", "Closed now"));

    private final Label name;

    CrowdingLevel(Label name) {
        this.name = name;
    }

    public Label label() {
        return name;
    }

    /** quiet, busy, crowded or closed, as JSON and the pages' CSS classes name it. */
    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
