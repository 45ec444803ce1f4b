package org.chizu.webmap;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The citizen-report pages at their short addresses: /report for residents, /staff/reports for staff. */
@Controller
class ReportPages {

    @GetMapping("/report")
    String reportPage() {
        return "forward:/report.html";
    }

    @GetMapping("/staff/reports")
    String staffPage() {
        return "forward:/staff/reports.html";
    }
}
