package org.chizu.counters;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import org.chizu.booking.Availability;
import org.chizu.booking.Booking;
import org.chizu.booking.Bookings;
import org.springframework.stereotype.Service;

/**
 * Reserving a slot at a van stop, through booking's published API: the stop's slots are its booking
 * unit's, and a reservation is a booking held and confirmed at once (a van slot is free of charge).
 * Booking's exclusion constraint, not this class, keeps two people from one slot: of many asking at
 * once, one gets it and the others get booking's 409 "taken".
 */
@Service
public class VanReservations {

    private final VanRoutes routes;
    private final Availability availability;
    private final Bookings bookings;

    public VanReservations(VanRoutes routes, Availability availability, Bookings bookings) {
        this.routes = routes;
        this.availability = availability;
        this.bookings = bookings;
    }

    /** The stop's slots on a day, free, taken or past; none when the van does not come that day. */
    public List<Availability.Slot> slots(long stopId, LocalDate date) {
        VanStop stop = routes.stop(stopId);
        if (stop.bookingUnitId() == null) {
            return List.of();
        }
        return availability.of(stop.bookingUnitId(), YearMonth.from(date)).days().stream()
                .filter(day -> day.date().equals(date)).flatMap(day -> day.slots().stream()).toList();
    }

    /**
     * Reserves the slot starting at {@code start} for the account.
     *
     * @throws CountersProblem 404 for an unknown stop
     * @throws org.chizu.booking.BookingProblem 409 when the slot is taken, 422 when the van does not
     *                                          stop then
     */
    public Booking reserve(long stopId, OffsetDateTime start, long accountId) {
        VanStop stop = routes.stop(stopId);
        if (stop.bookingUnitId() == null) {
            throw CountersProblem.unknownStop(stopId);
        }
        Booking held = bookings.hold(stop.bookingUnitId(), start.toInstant(),
                start.toInstant().plusSeconds(stop.slotMinutes() * 60L), accountId);
        return bookings.confirm(held.id(), accountId);
    }
}
