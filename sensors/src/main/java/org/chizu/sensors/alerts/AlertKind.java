package org.chizu.sensors.alerts;

import org.chizu.platform.Label;

/** What an alert is about: a threshold crossed by valid readings, or a datastream gone silent. */
public enum AlertKind {
    THRESHOLD("threshold"),
    /** No reading for the datastream's {@code quality.missingAfterMinutes} (欠測). */
    MISSING("missing");

    static final Label MISSING_NAME = new Label("欠測", "No readings");

    private final String code;

    AlertKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static AlertKind ofCode(String code) {
        return code.equals(MISSING.code) ? MISSING : THRESHOLD;
    }
}
