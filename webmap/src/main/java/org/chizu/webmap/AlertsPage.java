package org.chizu.webmap;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public alerts page at /alerts: it reads /api/alerts and follows the live topic alerts. */
@Controller
class AlertsPage {

    @GetMapping("/alerts")
    String alertsPage() {
        return "forward:/alerts.html";
    }
}
