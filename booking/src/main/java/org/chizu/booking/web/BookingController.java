package org.chizu.booking.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chizu.accounts.Identity;
import org.chizu.booking.Availability;
import org.chizu.booking.BookableUnit;
import org.chizu.booking.BookableUnits;
import org.chizu.booking.Booking;
import org.chizu.booking.BookingProblem;
import org.chizu.booking.Bookings;
import org.chizu.booking.CalendarFeed;
import org.chizu.booking.FeeClass;
import org.chizu.booking.Fees;
import org.chizu.booking.Lotteries;
import org.chizu.booking.Quote;
import org.chizu.booking.UnitFilter;
import org.springframework.http.ResponseEntity;
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
    private final Fees fees;
    private final Lotteries lotteries;

    BookingController(BookableUnits units, Availability availability, Bookings bookings, CalendarFeed calendar, Fees fees,
                      Lotteries lotteries) {
        this.units = units;
        this.availability = availability;
        this.bookings = bookings;
        this.calendar = calendar;
        this.fees = fees;
        this.lotteries = lotteries;
    }

    /**
     * What a resident sends to hold a slot (or enter it in a lottery): the unit and the period, with
     * its UTC offset; optionally the approved group booked for, extras and a reduction claimed.
     */
    record HoldRequest(Long unit, OffsetDateTime start, OffsetDateTime end, Long organisation, Set<String> extras,
                       String reduction) {

        Bookings.SlotRequest toSlot(Identity caller) {
            if (unit == null) {
                throw BookingProblem.missing("unit");
            }
            if (start == null) {
                throw BookingProblem.missing("start");
            }
            if (end == null) {
                throw BookingProblem.missing("end");
            }
            return new Bookings.SlotRequest(unit, start.toInstant(), end.toInstant(), caller.id(),
                    Callers.organisation(caller, organisation), extras, reduction);
        }
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

    /**
     * What the period would cost, before applying: the caller's fee class when signed in, else the
     * {@code residency} asked for (a non-resident's by default).
     */
    @GetMapping("/units/{id}/quote")
    Quote quote(@PathVariable long id, @RequestParam OffsetDateTime start, @RequestParam OffsetDateTime end,
                @RequestParam(required = false) Set<String> extras, @RequestParam(required = false) String reduction,
                @RequestParam(required = false) Long organisation, @RequestParam(required = false) String residency) {
        Optional<Identity> caller = Callers.current();
        if (caller.isPresent()) {
            return bookings.quote(new HoldRequest(id, start, end, organisation, extras, reduction).toSlot(caller.get()));
        }
        return bookings.quote(new Bookings.SlotRequest(id, start.toInstant(), end.toInstant(), 0, organisation, extras, reduction),
                residency == null ? FeeClass.NON_RESIDENT : FeeClass.fromId(residency));
    }

    /** The unit's extras (冷暖房・照明 …) with their hourly fees. */
    @GetMapping("/units/{id}/extras")
    Map<String, List<Fees.Extra>> extras(@PathVariable long id) {
        return Map.of("extras", fees.extras(units.find(id).id()));
    }

    /** The reductions and exemptions (減免) one may claim. */
    @GetMapping("/reductions")
    Map<String, List<Fees.Offered>> reductions() {
        return Map.of("reductions", fees.reductions());
    }

    @PostMapping("/holds")
    ResponseEntity<Booking> hold(@RequestBody HoldRequest request) {
        Booking held = bookings.hold(request.toSlot(caller()));
        return ResponseEntity.created(URI.create("/api/booking/bookings/" + held.id())).body(held);
    }

    /** A booking: the caller's own, or any for staff. */
    @GetMapping("/bookings/{id}")
    Booking booking(@PathVariable long id) {
        Identity caller = caller();
        return bookings.find(id).filter(booking -> caller.isStaff() || booking.accountId() == caller.id())
                .orElseThrow(() -> BookingProblem.unknownBooking(id));
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

    /** The caller's bookings and lottery entries. */
    @GetMapping("/mine")
    Map<String, Object> mine() {
        long account = caller().id();
        return Map.of("bookings", bookings.of(account), "entries", lotteries.entriesOf(account));
    }

    private static Identity caller() {
        return Callers.signedIn();
    }
}
