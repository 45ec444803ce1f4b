package org.chizu.counters;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
 * once, one gets it and the others get booking's 409 "taken". Booking knows the week and public
 * holidays but not 年末年始 (29 December – 3 January), when a round that rests on holidays stays home:
 * the route's own calendar, the one its timetable follows, decides which days have slots.
 */
@Service
public class VanReservations {

    private final VanRoutes routes;
    private final Availability availability;
    private final Bookings bookings;
    private final ZoneId zone;

    public VanReservations(VanRoutes routes, Availability availability, Bookings bookings, CountersProperties properties) {
        this.routes = routes;
        this.availability = availability;
        this.bookings = bookings;
        this.zone = properties.zone();
    }

    /** The stop's slots on a day, free, taken or past; none when the van does not come that day. */
    public List<Availability.Slot> slots(long stopId, LocalDate date) {
        VanStop stop = routes.stop(stopId);
        if (stop.bookingUnitId() == null || !day(stop, date).open()) {
            return List.of();
        }
        return availability.of(stop.bookingUnitId(), YearMonth.from(date)).days().stream()
                .filter(day -> day.date().equals(date)).flatMap(day -> day.slots().stream()).toList();
    }

    /**
     * Reserves the slot starting at {@code start} for the account.
     *
     * @throws CountersProblem 404 for an unknown stop, 422 on a day the round does not run
     * @throws org.chizu.booking.BookingProblem 409 when the slot is taken, 422 when the van does not
     *                                          stop then
     */
    public Booking reserve(long stopId, OffsetDateTime start, long accountId) {
        VanStop stop = routes.stop(stopId);
        if (stop.bookingUnitId() == null) {
            throw CountersProblem.unknownStop(stopId);
        }
        OfficeDay day = day(stop, start.atZoneSameInstant(zone).toLocalDate());
        if (!day.open()) {
            throw CountersProblem.vanNotRunning(stop, day);
        }
        Booking held = bookings.hold(stop.bookingUnitId(), start.toInstant(),
                start.toInstant().plusSeconds(stop.slotMinutes() * 60L), accountId);
        return bookings.confirm(held.id(), accountId);
    }

    private OfficeDay day(VanStop stop, LocalDate date) {
        return routes.day(routes.find(stop.route()), date);
    }
}
