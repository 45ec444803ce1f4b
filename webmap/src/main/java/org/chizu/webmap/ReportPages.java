package org.chizu.webmap;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The citizen-report pages at their short addresses: /report for residents, /report/follow/{token}
 * for a resident following their report through the private link of its receipt, /staff/reports for staff.
 */
@Controller
class ReportPages {

    @GetMapping("/report")
    String reportPage() {
        return "forward:/report.html";
    }

    /** The page reads its report by the token in its own address; the token is checked by the report API. */
    @GetMapping("/report/follow/{token}")
    String followPage() {
        return "forward:/report-follow.html";
    }

    @GetMapping("/staff/reports")
    String staffPage() {
        return "forward:/staff/reports.html";
    }

    /** The crew's printable work sheets for the triage list's filter (its query string). */
    @GetMapping("/staff/reports/sheet")
    String workSheets() {
        return "forward:/staff/sheet.html";
    }

    @GetMapping("/staff/reports/statistics")
    String statisticsPage() {
        return "forward:/staff/statistics.html";
    }
}
