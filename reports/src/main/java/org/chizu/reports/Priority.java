package org.chizu.reports;

import java.util.Arrays;

import org.chizu.platform.Label;

/** How urgent staff judge a report's work: high, normal (every report starts so) or low. */
public enum Priority {
    HIGH(new Label("高", "High")),
    NORMAL(new Label("中", "Normal")),
    LOW(new Label("低", "Low"));

    private final Label label;

    Priority(Label label) {
        this.label = label;
    }

    public String id() {
        return name().toLowerCase();
    }

    public Label label() {
        return label;
    }

    /** @throws ReportProblem for anything but high, normal or low */
    public static Priority fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> ReportProblem.badInput("優先度 '" + id + "' はありません。",
                        "Priority '" + id + "' does not exist: use high, normal or low."));
    }
}
