package org.chizu.reports;

import java.util.List;
import java.util.Map;

/**
 * A report whose fields passed every check: trimmed, within limits, answers allowed by its
 * category. Only {@link ReportIntake} makes one.
 */
public record CheckedReport(String submissionKey, ReportCategory category, Pin pin, String description,
        String reporterName, String reporterEmail, String reporterPhone, String channel, String open311Client,
        Map<String, List<String>> attributes) {
}
