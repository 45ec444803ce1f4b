package org.chizu.reports.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.chizu.accounts.StaffAccounts;
import org.chizu.reports.Moderation;
import org.chizu.reports.Priority;
import org.chizu.reports.Report;
import org.chizu.reports.ReportCategories;
import org.chizu.reports.ReportFilter;
import org.chizu.reports.ReportPage;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportSort;
import org.chizu.reports.ReportStatistics;
import org.chizu.reports.ReportStatus;
import org.chizu.reports.ReportStore;
import org.chizu.reports.ReportTriage;
import org.chizu.reports.StaffNote;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Staff triage (under /staff, so staff-only): every report with the resident's contact, a page at a
 * time, found by number or filtered; accepting or rejecting (and undoing it); assigning the work;
 * changing the status with a public note; notes for staff alone; the list as CSV; a month in numbers.
 */
@RestController
@RequestMapping("/staff/api/reports")
class StaffReportController {

    static final int MAX_PAGE_SIZE = 200;
    /** A CSV holds at most this many reports: a whole town's years, not an unbounded dump. */
    static final int MAX_EXPORT = 20_000;

    private final ReportStore store;
    private final ReportTriage triage;
    private final ReportCategories categories;
    private final ReportStatistics statistics;
    private final StaffAccounts staff;

    StaffReportController(ReportStore store, ReportTriage triage, ReportCategories categories,
                          ReportStatistics statistics, StaffAccounts staff) {
        this.store = store;
        this.triage = triage;
        this.categories = categories;
        this.statistics = statistics;
        this.staff = staff;
    }

    /** The list's query parameters; dates are yyyy-mm-dd, number a report number ("#123" or "123"). */
    record ListQuery(String number, String status, String category, String body, String moderation, String town,
            String assignee, String priority, String from, String to, String bbox, String sort) {

        ReportFilter filter() {
            return new ReportFilter(number(number), status, category, body, moderation, town, assignee, priority,
                    day("from", from), day("to", to), ReportFilter.Area.parse(bbox));
        }

        private static Long number(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String digits = text.strip().replaceFirst("^[#＃]", "");
            if (!digits.matches("[0-9]{1,18}")) {
                throw ReportProblem.badInput("通報番号は数字で指定してください。", "number must be a report number.");
            }
            return Long.parseLong(digits);
        }

        private static LocalDate day(String name, String text) {
            try {
                return text == null || text.isBlank() ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ReportProblem.badInput(name + " は 年-月-日 で指定してください。", name + " must be a date, yyyy-mm-dd.");
            }
        }
    }

    @GetMapping
    ReportPage list(@ModelAttribute ListQuery query, @RequestParam(defaultValue = "1") int page,
                    @RequestParam(defaultValue = "50") int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ReportProblem.badInput("page は 1 以上、size は 1 から " + MAX_PAGE_SIZE + " で指定してください。",
                    "page must be 1 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return store.search(query.filter(), ReportSort.fromId(query.sort()), page, size);
    }

    /** The current filter as a spreadsheet; {@code encoding=shift_jis} for Excel without UTF-8. */
    @GetMapping("/export.csv")
    ResponseEntity<StreamingResponseBody> export(@ModelAttribute ListQuery query,
                                                 @RequestParam(required = false) String encoding) {
        ReportCsv csv = ReportCsv.fromId(encoding);
        List<Report> reports = store.search(query.filter(), ReportSort.fromId(query.sort()), 1, MAX_EXPORT).reports();
        var categoryList = categories.all();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", csv.charset()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("reports-" + LocalDate.now() + ".csv").build().toString())
                .body(out -> csv.write(reports, categoryList, out));
    }

    /** A month (yyyy-mm, this month by default) in numbers. */
    @GetMapping("/statistics")
    ReportStatistics.Month statistics(@RequestParam(required = false) String month) {
        try {
            return statistics.of(month == null || month.isBlank() ? YearMonth.now() : YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            throw ReportProblem.badInput("month は 年-月 で指定してください。", "month must be yyyy-mm.");
        }
    }

    /** Whom work can be assigned to: the enabled staff accounts. */
    @GetMapping("/assignees")
    List<Assignee> assignees() {
        return staff.list().stream().filter(a -> !a.disabled()).map(a -> new Assignee(a.name(), a.displayName())).toList();
    }

    record Assignee(String name, String displayName) {
    }

    @GetMapping("/{id}")
    Report report(@PathVariable long id) {
        return store.find(id).orElseThrow(() -> ReportProblem.unknownReport(id));
    }

    /** The staff's own notes on a report, oldest first: never in the public API, the follow page or Open311. */
    @GetMapping("/{id}/notes")
    List<StaffNote> notes(@PathVariable long id) {
        store.find(id).orElseThrow(() -> ReportProblem.unknownReport(id));
        return store.staffNotes(id);
    }

    /** Body {@code {"text": "…"}}: a note for staff alone, signed with the caller's name; answers all the notes. */
    @PostMapping("/{id}/notes")
    List<StaffNote> addNote(@PathVariable long id, @RequestBody NewNote note, Principal staff) {
        return triage.addStaffNote(id, note.text(), staff.getName());
    }

    /** Body {@code {"decision": "accepted" | "rejected" | "new"}}; "new" or the previous decision undoes one. */
    @PutMapping("/{id}/moderation")
    Report moderate(@PathVariable long id, @RequestBody ModerationChange change) {
        return triage.moderate(id, Moderation.fromId(change.decision()));
    }

    /** Body {@code {"status": "in_progress", "note": "…"}}; the note is public and e-mailed to the resident. */
    @PutMapping("/{id}/status")
    Report changeStatus(@PathVariable long id, @RequestBody StatusChange change, Principal staff) {
        return triage.changeStatus(id, ReportStatus.fromId(change.status()), change.note(), staff.getName());
    }

    /** Body {@code {"assignee": "tanaka" | null, "priority": "high", "dueOn": "2026-12-20" | null}}. */
    @PutMapping("/{id}/work")
    Report assign(@PathVariable long id, @RequestBody WorkChange change) {
        LocalDate due = ListQuery.day("dueOn", change.dueOn());
        String assignee = change.assignee() == null || change.assignee().isBlank() ? null : change.assignee().strip();
        Priority priority = change.priority() == null ? Priority.NORMAL : Priority.fromId(change.priority());
        if (assignee != null && staff.find(assignee).filter(a -> !a.disabled()).isEmpty()) {
            throw ReportProblem.badInput("担当者 '" + assignee + "' は職員アカウントにありません。",
                    "Assignee '" + assignee + "' is not an enabled staff account.");
        }
        return triage.assign(id, new Report.Work(assignee, priority, due));
    }

    record ModerationChange(String decision) {
    }

    record NewNote(String text) {
    }

    record StatusChange(String status, String note) {
    }

    record WorkChange(String assignee, String priority, String dueOn) {
    }
}
