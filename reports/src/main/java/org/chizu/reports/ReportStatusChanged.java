package org.chizu.reports;

/**
 * Published inside the transaction that changes a report's status, so that what a listener writes
 * (the resident's e-mails) commits or rolls back with the change. A listener that acts outside the
 * database should wait for the commit ({@code @TransactionalEventListener}).
 *
 * @param report   the report as it is now
 * @param previous the status before
 * @param note     the note staff wrote for the resident, or null
 */
public record ReportStatusChanged(Report report, ReportStatus previous, String note) {
}
