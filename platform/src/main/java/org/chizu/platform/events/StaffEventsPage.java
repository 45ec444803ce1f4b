package org.chizu.platform.events;

import org.chizu.platform.BackgroundWork;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The live-events inspector for staff at its short address (under /staff/, so staff only). */
@Controller
@BackgroundWork
class StaffEventsPage {

    @GetMapping("/staff/events")
    String page() {
        return "forward:/staff/events.html";
    }
}
