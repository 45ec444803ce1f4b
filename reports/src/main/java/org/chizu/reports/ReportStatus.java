package org.chizu.reports;

import java.util.Arrays;

import org.chizu.platform.Label;

/** Where staff are with a report. Open311 knows only open and closed; the rest count as open. */
public enum ReportStatus {
    OPEN("open", new Label("受付", "Open")),
    ACKNOWLEDGED("acknowledged", new Label("確認済み", "Acknowledged")),
    IN_PROGRESS("in_progress", new Label("対応中", "In progress")),
    CLOSED("closed", new Label("完了", "Closed"));

    private final String id;
    private final Label label;

    ReportStatus(String id, Label label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public Label label() {
        return label;
    }

    /** The GeoReport v2 status: "open" or "closed". */
    public String open311() {
        return this == CLOSED ? "closed" : "open";
    }

    /** @throws ReportProblem for anything but the four ids */
    public static ReportStatus fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> ReportProblem.badInput("状態 '" + id + "' はありません。",
                        "Status '" + id + "' does not exist: use open, acknowledged, in_progress or closed."));
    }
}
