package org.chizu.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.audit.AuditLog;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.gis.layer.changes.LayerChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What staff (and residents' "+1") do to a stored report. Each change is announced when it
 * commits with {@link LayerDataChanged} for the report's point to every Chizu process, so the public
 * map's tiles update at once; a status change also publishes {@link ReportStatusChanged} in its
 * transaction, where the resident's e-mails are queued.
 */
@Service
public class ReportTriage {

    /** The public map layer that shows accepted reports (layers/60-reports.yml). */
    public static final String LAYER = "reports";

    private final ReportStore store;
    private final TransactionTemplate transaction;
    private final LayerChanges layerChanges;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public ReportTriage(ReportStore store, TransactionTemplate transaction, LayerChanges layerChanges,
                        ApplicationEventPublisher events, AuditLog audit) {
        this.store = store;
        this.transaction = transaction;
        this.layerChanges = layerChanges;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Accepts a report (it becomes public) or rejects it as spam (it never does); moving it back to
     * its previous moderation undoes either.
     *
     * @throws ReportProblem (404) for an unknown report
     */
    public Report moderate(long id, Moderation decision) {
        Report report = require(id);
        transaction.executeWithoutResult(tx -> {
            if (store.moderate(id, decision)) {
                layerChanges.publishOnCommit(new LayerDataChanged(LAYER, around(report)));
                audit.record("report.moderate", "report " + id, Map.of("from", report.moderation().id(),
                        "decision", decision.id()));
            }
        });
        return require(id);
    }

    /**
     * Moves a report to a status with a note for the public and the resident.
     *
     * @throws ReportProblem (404) for an unknown report, (400) for a note over 1000 characters
     */
    public Report changeStatus(long id, ReportStatus status, String note, String staffName) {
        Report before = require(id);
        String publicNote = note == null || note.isBlank() ? null : note.strip();
        if (publicNote != null && publicNote.length() > 1000) {
            throw ReportProblem.badInput("お知らせは 1000 文字までです。", "The note may be at most 1000 characters.");
        }
        return transaction.execute(tx -> {
            store.changeStatus(id, status, publicNote, staffName);
            audit.record("report.status", "report " + id, Map.of("from", before.status().name().toLowerCase(),
                    "to", status.name().toLowerCase()));
            Report changed = require(id);
            if (changed.isPublic()) {
                layerChanges.publishOnCommit(new LayerDataChanged(LAYER, around(changed)));
            }
            events.publishEvent(new ReportStatusChanged(changed, before.status(), publicNote));
            return changed;
        });
    }

    /**
     * Assigns a report's work to a staff member (or nobody) with a priority and a due day.
     *
     * @throws ReportProblem (404) for an unknown report
     */
    public Report assign(long id, Report.Work work) {
        Report before = require(id);
        return transaction.execute(tx -> {
            store.assign(id, work);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("assignee", work.assignee());
            details.put("priority", work.priority().id());
            details.put("dueOn", work.dueOn() == null ? null : work.dueOn().toString());
            details.put("previousAssignee", before.work().assignee());
            audit.record("report.assign", "report " + id, details);
            return require(id);
        });
    }

    /**
     * Keeps a note for staff on a report (never shown to the public or the resident), recorded in the
     * audit log with the note's number but not its text.
     *
     * @return the report's staff notes, oldest first, the new one last
     * @throws ReportProblem (404) for an unknown report, (400) for an empty note or one over
     *                       {@link StaffNote#MAX_CHARS} characters
     */
    public List<StaffNote> addStaffNote(long id, String text, String staffName) {
        require(id);
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw ReportProblem.badInput("メモを入力してください。", "The note is empty.");
        }
        if (note.length() > StaffNote.MAX_CHARS) {
            throw ReportProblem.badInput("メモは " + StaffNote.MAX_CHARS + " 文字までです。",
                    "The note may be at most " + StaffNote.MAX_CHARS + " characters.");
        }
        return transaction.execute(tx -> {
            long noteId = store.addStaffNote(id, note, staffName);
            audit.record("report.staff-note", "report " + id, Map.of("note", noteId));
            return store.staffNotes(id);
        });
    }

    /**
     * A resident's "+1" on a public, open report instead of filing a duplicate; with an e-mail they
     * follow it.
     *
     * @return the report's new number of supporters
     * @throws ReportProblem (422) for an e-mail address that is clearly none, (404) for a report that is not public, (409) for a closed one
     */
    public int support(long id, String email) {
        String follower = ReporterEmail.checked(email);
        Report report = store.find(id).filter(Report::isPublic).orElseThrow(() -> ReportProblem.unknownReport(id));
        if (report.status() == ReportStatus.CLOSED) {
            throw new ReportProblem(HttpStatus.CONFLICT, "report-closed", "Report closed",
                    new Label("この通報は対応が完了しています。", "This report is already closed."));
        }
        return transaction.execute(tx -> {
            int supporters = store.addSupporter(id, follower);
            layerChanges.publishOnCommit(new LayerDataChanged(LAYER, around(report)));
            return supporters;
        });
    }

    private Report require(long id) {
        return store.find(id).orElseThrow(() -> ReportProblem.unknownReport(id));
    }

    private static Bounds around(Report report) {
        return new Bounds(report.lon(), report.lat(), report.lon(), report.lat());
    }
}
