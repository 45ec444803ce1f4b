package org.chizu.reports;

import java.util.List;

/** One page of the staff list: the reports on it, its number (from 1), its size and how many match in all. */
public record ReportPage(List<Report> reports, int page, int size, long total) {
}
