package org.chizu.reports.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.chizu.reports.Moderation;
import org.chizu.reports.Report;
import org.chizu.reports.ReportFilter;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportStatus;
import org.chizu.reports.ReportStore;
import org.chizu.reports.ReportTriage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff triage (under /staff, so staff-only): every report with the resident's contact, filtered by
 * status, category, body, moderation and area; accepting or rejecting; changing the status with a
 * public note.
 */
@RestController
@RequestMapping("/staff/api/reports")
class StaffReportController {

    private final ReportStore store;
    private final ReportTriage triage;

    StaffReportController(ReportStore store, ReportTriage triage) {
        this.store = store;
        this.triage = triage;
    }

    @GetMapping
    Map<String, List<Report>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String body,
            @RequestParam(required = false) String moderation, @RequestParam(required = false) String bbox,
            @RequestParam(defaultValue = "200") int limit) {
        return Map.of("reports", store.search(new ReportFilter(status, category, body, moderation,
                ReportFilter.Area.parse(bbox), limit)));
    }

    @GetMapping("/{id}")
    Report report(@PathVariable long id) {
        return store.find(id).orElseThrow(() -> ReportProblem.unknownReport(id));
    }

    /** Body {@code {"decision": "accepted" | "rejected"}}. */
    @PutMapping("/{id}/moderation")
    Report moderate(@PathVariable long id, @RequestBody ModerationChange change) {
        return triage.moderate(id, Moderation.fromId(change.decision()));
    }

    /** Body {@code {"status": "in_progress", "note": "…"}}; the note is public and e-mailed to the resident. */
    @PutMapping("/{id}/status")
    Report changeStatus(@PathVariable long id, @RequestBody StatusChange change, Principal staff) {
        return triage.changeStatus(id, ReportStatus.fromId(change.status()), change.note(), staff.getName());
    }

    record ModerationChange(String decision) {
    }

    record StatusChange(String status, String note) {
    }
}
