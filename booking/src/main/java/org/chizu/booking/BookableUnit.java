package org.chizu.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.chizu.platform.Label;

/**
 * Something a resident books (予約単位): a hall, a room, a gym or half a pitch in one facility of the
 * {@code facilities} layer. It is booked in whole slots from its opening time, at most
 * {@code maxSlots} in a row.
 *
 * @param facility         the facility's name and WGS 84 position, as the layer holds them
 * @param kind             hall, room, gym, pitch or court
 * @param hours            opening hours by weekday; a weekday missing is a closed day
 * @param closedOnHolidays whether the unit is closed on Japanese public holidays
 * @param needsApproval    whether staff approve a confirmed booking before it counts as booked
 * @param window           how far ahead residents and non-residents may book
 * @param byLottery        whether next month's slots go by the monthly lottery before anyone may hold them
 * @param groupsOnly       whether only verified groups may book it
 */
public record BookableUnit(long id, Facility facility, String kind, Label name, int capacity, int slotMinutes,
                           int maxSlots, boolean closedOnHolidays, boolean needsApproval,
                           Map<DayOfWeek, OpeningHours> hours, BookingWindow window, boolean byLottery,
                           boolean groupsOnly) {

    public BookableUnit {
        hours = Map.copyOf(hours);
    }

    /** A facility of the {@code facilities} layer as a unit shows it. */
    public record Facility(long id, String name, String address, double lon, double lat) {
    }

    /**
     * How many days ahead each kind of user may book (residents earlier), and whether people who
     * work in the town count as residents here.
     */
    public record BookingWindow(int residentDaysAhead, int nonResidentDaysAhead, boolean workersAsResidents) {

        public int daysAhead(FeeClass feeClass) {
            return feeClass == FeeClass.RESIDENT ? residentDaysAhead : nonResidentDaysAhead;
        }
    }

    public Duration slot() {
        return Duration.ofMinutes(slotMinutes);
    }

    public Optional<OpeningHours> hoursOn(DayOfWeek day) {
        return Optional.ofNullable(hours.get(day));
    }
}
