package org.chizu.booking.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.Identity;
import org.chizu.booking.Availability;
import org.chizu.booking.BookableUnit;
import org.chizu.booking.BookableUnits;
import org.chizu.booking.Booking;
import org.chizu.booking.BookingProblem;
import org.chizu.booking.Bookings;
import org.chizu.booking.CalendarFeed;
import org.chizu.booking.UnitFilter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Facility booking over HTTP: units and their months for anyone, bookings for whoever signed in. */
@RestController
@RequestMapping("/api/booking")
class BookingController {

    private final BookableUnits units;
    private final Availability availability;
    private final Bookings bookings;
    private final CalendarFeed calendar;

    BookingController(BookableUnits units, Availability availability, Bookings bookings, CalendarFeed calendar) {
        this.units = units;
        this.availability = availability;
        this.bookings = bookings;
        this.calendar = calendar;
    }

    /** What a resident sends to hold a slot: the unit and the period, with its UTC offset. */
    record HoldRequest(Long unit, OffsetDateTime start, OffsetDateTime end) {
    }

    @GetMapping("/units")
    Map<String, List<BookableUnit>> units(@RequestParam(required = false) String kind,
                                          @RequestParam(required = false) Integer capacity,
                                          @RequestParam(required = false) LocalDate date) {
        return Map.of("units", units.list(new UnitFilter(kind, capacity, date)));
    }

    @GetMapping("/units/{id}")
    BookableUnit unit(@PathVariable long id) {
        return units.find(id);
    }

    /** The unit's bookings for a calendar app to subscribe to. */
    @GetMapping(path = "/units/{id}.ics", produces = "text/calendar;charset=UTF-8")
    String calendar(@PathVariable long id) {
        return calendar.of(id);
    }

    @GetMapping("/units/{id}/availability")
    Availability.Month availability(@PathVariable long id, @RequestParam YearMonth month) {
        return availability.of(id, month);
    }

    @PostMapping("/holds")
    ResponseEntity<Booking> hold(@RequestBody HoldRequest request) {
        long account = caller().id();
        if (request.unit() == null) {
            throw BookingProblem.missing("unit");
        }
        if (request.start() == null) {
            throw BookingProblem.missing("start");
        }
        if (request.end() == null) {
            throw BookingProblem.missing("end");
        }
        Booking held = bookings.hold(request.unit(), request.start().toInstant(), request.end().toInstant(), account);
        return ResponseEntity.created(URI.create("/api/booking/bookings/" + held.id())).body(held);
    }

    @PostMapping("/bookings/{id}/confirm")
    Booking confirm(@PathVariable long id) {
        return bookings.confirm(id, caller().id());
    }

    @PutMapping("/bookings/{id}/approval")
    Booking approve(@PathVariable long id) {
        return bookings.approve(id);
    }

    /** Cancels: the caller's own booking, or any for staff. */
    @DeleteMapping("/bookings/{id}")
    Booking cancel(@PathVariable long id) {
        Identity caller = caller();
        return bookings.cancel(id, caller.isStaff() ? null : caller.id());
    }

    @GetMapping("/mine")
    Map<String, List<Booking>> mine() {
        return Map.of("bookings", bookings.of(caller().id()));
    }

    private static Identity caller() {
        return Identity.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow(BookingProblem::notSignedIn);
    }
}
