package org.chizu.counters.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The counters' pages, static files whose scripts read the API and follow the office's live topic:
 * the public page, the van's timetable and live position, the kiosk, a ticket's follow page, the display board, the staff desk and staff's van page.
 */
@Controller
class CountersPages {

    @GetMapping("/counters")
    String publicPage() {
        return "forward:/counters/index.html";
    }

    @GetMapping("/counters/van")
    String van() {
        return "forward:/counters/van.html";
    }

    @GetMapping("/counters/kiosk/{office}")
    String kiosk() {
        return "forward:/counters/kiosk.html";
    }

    @GetMapping("/counters/tickets/{token}")
    String ticket() {
        return "forward:/counters/ticket.html";
    }

    @GetMapping("/counters/board/{office}")
    String board() {
        return "forward:/counters/board.html";
    }

    @GetMapping("/staff/counters")
    String staffDesk() {
        return "forward:/staff/counters.html";
    }

    @GetMapping("/staff/counters/van")
    String staffVan() {
        return "forward:/staff/counter-van.html";
    }
}
