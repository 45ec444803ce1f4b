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
}
