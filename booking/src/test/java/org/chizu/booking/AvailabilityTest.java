package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.chizu.booking.Availability.Day;
import org.chizu.booking.Availability.SlotState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    static BookingTown town;

    @BeforeAll
    static void openTheTownAndBookSomeSlots() throws Exception {
        town = new BookingTown();
        Bookings bookings = town.bookings;
        bookings.confirm(bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T12:00"), 1).id(), 1);
        Booking lapsed = bookings.hold(HALL, at("2027-01-04T15:00"), at("2027-01-04T16:00"), 2);
        town.jdbc.update("update booking set held_until = now() - interval '1 second' where id = ?", lapsed.id());
        bookings.cancel(bookings.hold(HALL, at("2027-01-04T18:00"), at("2027-01-04T19:00"), 3).id(), 3L);
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @Test
    void aMonthListsEveryDayWithItsSlotsOrWhyItIsClosed() {
        Availability.Month january = town.availability.of(HALL, YearMonth.of(2027, 1));

        assertThat(january.days()).hasSize(31);
        assertThat(day(january, 1).closed().holiday().ja()).isEqualTo("元日");
        assertThat(day(january, 3).closed()).satisfies(closed -> {
            assertThat(closed.holiday()).isNull();
            assertThat(closed.reason().ja()).isEqualTo("休館日");
        });
        assertThat(day(january, 11).closed().holiday().ja()).isEqualTo("成人の日");
        assertThat(day(january, 11).slots()).isEmpty();
        assertThat(january.days()).filteredOn(Day::open).hasSize(31 - 2 - 5);
        assertThat(day(january, 9).slots()).hasSize(8).last()
                .satisfies(slot -> assertThat(slot.end().toLocalTime()).hasToString("17:00"));
        assertThat(january.lastBookableDay().resident()).as("180 days ahead").isEqualTo(LocalDate.of(2027, 6, 5));
        assertThat(january.lastBookableDay().nonResident()).as("90 days ahead").isEqualTo(LocalDate.of(2027, 3, 7));
    }

    @Test
    void bookedSlotsAreTakenWhileLapsedHoldsAndCancelledBookingsAreFree() {
        List<Availability.Slot> monday = day(town.availability.of(HALL, YearMonth.of(2027, 1)), 4).slots();

        assertThat(monday).hasSize(12);
        assertThat(monday.getFirst().start()).hasToString("2027-01-04T09:00+09:00");
        assertThat(monday).filteredOn(slot -> slot.state() == SlotState.TAKEN)
                .extracting(slot -> slot.start().toLocalTime().toString()).containsExactly("10:00", "11:00");
    }

    @Test
    void aUnitOpenOnHolidaysHasSlotsOnThemAndPastSlotsArePast() {
        Availability.Month january = town.availability.of(ARENA, YearMonth.of(2027, 1));
        Availability.Month december = town.availability.of(ARENA, YearMonth.of(2026, 12));

        assertThat(day(january, 11).open()).isTrue();
        assertThat(day(january, 11).slots()).hasSize(12).allMatch(slot -> slot.state() == SlotState.FREE);
        assertThat(day(december, 6).slots()).allMatch(slot -> slot.state() == SlotState.PAST);
        assertThat(day(december, 7).slots()).first().satisfies(slot -> assertThat(slot.state()).isEqualTo(SlotState.FREE));
    }

    @Test
    void unitsAreFoundByKindCapacityAndTheDayTheyAreOpen() {
        assertThat(town.units.list(UnitFilter.all())).extracting(unit -> unit.name().ja()).containsExactly("アリーナ", "大会議室");
        assertThat(town.units.list(new UnitFilter("hall", null, null))).extracting(BookableUnit::id).containsExactly(HALL);
        assertThat(town.units.list(new UnitFilter(null, 100, null))).extracting(BookableUnit::id).containsExactly(ARENA);
        assertThat(town.units.list(new UnitFilter(null, null, LocalDate.of(2027, 1, 11)))).extracting(BookableUnit::id)
                .as("成人の日: the hall is closed").containsExactly(ARENA);
        assertThat(town.units.find(HALL).facility().name()).isEqualTo("高津公民館");
    }

    private static Day day(Availability.Month month, int dayOfMonth) {
        return month.days().get(dayOfMonth - 1);
    }
}
