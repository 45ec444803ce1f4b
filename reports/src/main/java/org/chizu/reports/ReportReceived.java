package org.chizu.reports;

/**
 * Published inside the transaction that stores a new report (not for a retried submission that was
 * stored before), so that what a listener writes commits or rolls back with the report.
 *
 * @param receipt what the resident is told
 */
public record ReportReceived(Receipt receipt) {
}
