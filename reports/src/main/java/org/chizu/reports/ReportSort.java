package org.chizu.reports;

import java.util.Arrays;

/** The orders the staff list can be sorted in; each ends with the id so that pages never overlap. */
public enum ReportSort {
    NEWEST("r.reported_at desc, r.id desc"),
    OLDEST("r.reported_at, r.id"),
    PRIORITY("case r.priority when 'high' then 0 when 'normal' then 1 else 2 end, r.reported_at desc, r.id desc"),
    DUE("r.due_on nulls last, r.id desc"),
    UPDATED("r.updated_at desc, r.id desc");

    /** SQL written here, never taken from a request. */
    final String orderBy;

    ReportSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /** Null or blank is the newest first. @throws ReportProblem for an unknown order */
    public static ReportSort fromId(String id) {
        if (id == null || id.isBlank()) {
            return NEWEST;
        }
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> ReportProblem.badInput("並び順 '" + id + "' はありません。",
                        "Sort '" + id + "' does not exist: use newest, oldest, priority, due or updated."));
    }
}
