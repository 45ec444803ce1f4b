package org.chizu.reports;

import java.time.OffsetDateTime;

/**
 * One step in a report's public history: the status it moved to and the note staff wrote for the
 * resident (null when there was none).
 */
public record ReportUpdate(long id, long reportId, String status, String note, OffsetDateTime at) {
}
