package org.chizu.reports;

/**
 * Published after a report's new status has committed.
 *
 * @param report   the report as it is now
 * @param previous the status before
 * @param note     the note staff wrote for the resident, or null
 */
public record ReportStatusChanged(Report report, ReportStatus previous, String note) {
}
