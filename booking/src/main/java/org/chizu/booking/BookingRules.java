package org.chizu.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.chizu.platform.calendar.JapaneseHolidays;
import org.springframework.stereotype.Component;

/**
 * What a unit may be booked for: whole slots within one day's opening hours, not on a closed day or
 * (for units that close on them) a public holiday, not in the past, not beyond the booking horizon,
 * not longer than the unit allows. Whether the time is free is the database's to say.
 */
@Component
class BookingRules {

    private final BookingProperties properties;
    private final JapaneseHolidays holidays;

    BookingRules(BookingProperties properties) {
        this.properties = properties;
        this.holidays = JapaneseHolidays.official();
    }

    /** Why the unit is closed on this day, or empty when it is open. */
    Optional<ClosedDay> closure(BookableUnit unit, LocalDate day) {
        Optional<ClosedDay> holiday = unit.closedOnHolidays()
                ? holidays.name(day).map(name -> new ClosedDay(ClosedDay.HOLIDAY, name))
                : Optional.empty();
        if (holiday.isPresent()) {
            return holiday;
        }
        return unit.hoursOn(day.getDayOfWeek()).isEmpty() ? Optional.of(new ClosedDay(ClosedDay.WEEKLY, null)) : Optional.empty();
    }

    /**
     * The last day the unit may be booked today by a resident or a non-resident: its window for them,
     * and never past the published holidays.
     */
    LocalDate lastBookableDay(BookableUnit unit, FeeClass feeClass, Instant now) {
        LocalDate horizon = LocalDate.ofInstant(now, properties.zone()).plusDays(unit.window().daysAhead(feeClass));
        return horizon.isAfter(holidays.lastDay()) ? holidays.lastDay() : horizon;
    }

    /**
     * Checks a requested period against the unit's rules, the booking window being the fee class's.
     *
     * @throws BookingProblem naming the first rule the period breaks
     */
    void check(BookableUnit unit, Instant start, Instant end, FeeClass feeClass, Instant now) {
        if (!end.isAfter(start)) {
            throw BookingProblem.endsBeforeItStarts(unit.id());
        }
        if (start.isBefore(now)) {
            throw BookingProblem.inThePast(unit.id());
        }
        LocalDateTime from = LocalDateTime.ofInstant(start, properties.zone());
        LocalDateTime to = LocalDateTime.ofInstant(end, properties.zone());
        LocalDate day = from.toLocalDate();
        LocalDate lastDay = lastBookableDay(unit, feeClass, now);
        if (day.isAfter(lastDay)) {
            throw BookingProblem.tooFarAhead(unit.id(), lastDay, feeClass);
        }
        closure(unit, day).ifPresent(closed -> {
            throw BookingProblem.closedDay(unit, day, closed.reason(), closed.holiday());
        });
        OpeningHours hours = unit.hoursOn(day.getDayOfWeek()).orElseThrow();
        if (from.toLocalTime().isBefore(hours.opens()) || !to.toLocalDate().equals(day) || to.toLocalTime().isAfter(hours.closes())) {
            throw BookingProblem.outsideOpeningHours(unit, day, hours);
        }
        Duration slot = unit.slot();
        Duration fromOpening = Duration.between(hours.opens(), from.toLocalTime());
        Duration length = Duration.between(start, end);
        if (fromOpening.toSeconds() % slot.toSeconds() != 0 || length.toSeconds() % slot.toSeconds() != 0) {
            throw BookingProblem.notWholeSlots(unit, hours.opens());
        }
        if (length.dividedBy(slot) > unit.maxSlots()) {
            throw BookingProblem.tooLong(unit);
        }
    }
}
