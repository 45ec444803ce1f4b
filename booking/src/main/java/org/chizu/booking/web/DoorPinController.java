package org.chizu.booking.web;

import java.util.List;
import java.util.Map;

import org.chizu.booking.BookingProblem;
import org.chizu.booking.DoorPins;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The resident's door PIN for their booking of a unit with a smart lock. */
@RestController
class DoorPinController {

    private final DoorPins pins;

    DoorPinController(DoorPins pins) {
        this.pins = pins;
    }

    /** The caller's PINs still to use, for their bookings page (only their own, only of confirmed bookings). */
    @GetMapping("/api/booking/door-pins")
    Map<String, List<DoorPins.DoorPin>> mine() {
        return Map.of("pins", pins.ofAccount(Callers.signedIn().id()));
    }

    @GetMapping("/api/booking/bookings/{id}/door-pin")
    DoorPins.DoorPin pin(@PathVariable long id) {
        return pins.of(id, Callers.signedIn().id()).orElseThrow(() -> BookingProblem.noDoorPin(id));
    }
}
