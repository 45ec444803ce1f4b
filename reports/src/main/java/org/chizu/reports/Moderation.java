package org.chizu.reports;

import java.util.Arrays;

/** Whether staff let a report be public: every report starts NEW and is ACCEPTED or REJECTED (spam). */
public enum Moderation {
    NEW, ACCEPTED, REJECTED;

    public String id() {
        return name().toLowerCase();
    }

    /** @throws ReportProblem for anything but new, accepted or rejected */
    public static Moderation fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> ReportProblem.badInput("審査結果 '" + id + "' はありません。",
                        "Moderation '" + id + "' does not exist: use new, accepted or rejected."));
    }
}
