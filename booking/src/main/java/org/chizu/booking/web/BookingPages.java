package org.chizu.booking.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The booking pages at their short addresses: /booking for residents, /staff/booking for staff. */
@Controller
class BookingPages {

    @GetMapping("/booking")
    String residentsPage() {
        return "forward:/booking/index.html";
    }

    @GetMapping("/staff/booking")
    String staffPage() {
        return "forward:/staff/booking.html";
    }
}
