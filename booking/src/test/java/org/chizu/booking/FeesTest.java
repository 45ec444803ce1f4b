package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fees by the town's tables: bands of the day, residents and non-residents, extras and 減免. */
class FeesTest {

    static final long RESIDENT = 201;
    static final long VISITOR = 202;

    static BookingTown town;
    static Bookings bookings;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
        bookings = town.bookings;
        town.verifiedResident(RESIDENT);
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @AfterEach
    void forgetEveryBooking() {
        town.jdbc.update("delete from booking");
    }

    @Test
    void eachHourIsPaidAtItsBandsRateAndNonResidentsPayTheirOwnTable() {
        // 11:00–13:00 on the hall: one hour at the morning rate, one at the afternoon rate.
        Quote resident = bookings.quote(slot(RESIDENT, "11:00", "13:00", Set.of(), null));
        Quote visitor = bookings.quote(slot(VISITOR, "11:00", "13:00", Set.of(), null));

        assertThat(resident.feeClass()).isEqualTo(FeeClass.RESIDENT);
        assertThat(resident.lines()).extracting(Quote.Line::yenPerHour, Quote.Line::minutes, Quote.Line::yen)
                .containsExactly(tuple(600, 60, 600), tuple(800, 60, 800));
        assertThat(resident.totalYen()).isEqualTo(1400);
        assertThat(visitor.feeClass()).as("not registered: a non-resident").isEqualTo(FeeClass.NON_RESIDENT);
        assertThat(visitor.totalYen()).isEqualTo(900 + 1200);
    }

    @Test
    void extrasAreAddedPerHourAndAnExtraTheUnitLacksIsRefused() {
        Quote quote = bookings.quote(slot(RESIDENT, "18:00", "20:00", Set.of("heating", "lighting"), null));

        assertThat(quote.lines()).extracting(Quote.Line::code).containsExactly("use", "heating", "lighting");
        assertThat(quote.totalYen()).isEqualTo(2000 + 600 + 400);
        assertThatThrownBy(() -> bookings.quote(new Bookings.SlotRequest(ARENA, at("2027-01-04T10:00"), at("2027-01-04T11:00"),
                RESIDENT, null, Set.of("heating"), null)))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.type()).isEqualTo("unknown-extra");
                });
    }

    @Test
    void reductionsTakeTheirPercentOffTheUseAndExtrasOnlyWhereTheRuleSaysSo() {
        Quote welfare = bookings.quote(slot(RESIDENT, "18:00", "20:00", Set.of("heating"), "welfare"));
        Quote school = bookings.quote(slot(RESIDENT, "18:00", "20:00", Set.of("heating"), "school"));

        assertThat(welfare.reduction().yen()).as("half of the use, not of the heating").isEqualTo(1000);
        assertThat(welfare.totalYen()).isEqualTo(2000 + 600 - 1000);
        assertThat(school.reduction().percent()).isEqualTo(100);
        assertThat(school.totalYen()).as("exempt, heating included").isZero();
    }

    @Test
    void aGroupsReductionNeedsABookingForAGroup() {
        assertThatThrownBy(() -> bookings.quote(slot(RESIDENT, "10:00", "11:00", Set.of(), "registered-group")))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("reduction-needs-group"));
        Quote group = bookings.quote(new Bookings.SlotRequest(HALL, at("2027-01-04T10:00"), at("2027-01-04T11:00"), RESIDENT, 7L,
                Set.of(), "registered-group"));

        assertThat(group.totalYen()).isEqualTo(600 - 180);
        assertThatThrownBy(() -> bookings.quote(slot(RESIDENT, "10:00", "11:00", Set.of(), "no-such")))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("unknown-reduction"));
    }

    @Test
    void theFeeQuotedIsFixedOnTheHoldEvenWhenTheTableChangesAfterwards() {
        Booking held = bookings.hold(slot(RESIDENT, "10:00", "12:00", Set.of("lighting"), null));
        town.jdbc.update("update booking_fee_band set yen_per_hour = yen_per_hour * 2");
        try {
            Booking confirmed = bookings.confirm(held.id(), RESIDENT);

            assertThat(confirmed.feeYen()).isEqualTo(1200 + 400);
            assertThat(confirmed.quote().lines()).hasSize(2);
            assertThat(confirmed.quote().start()).hasToString("2027-01-04T10:00+09:00");
            assertThat(confirmed.payment().amountYen()).isEqualTo(1600);
            assertThat(confirmed.payment().state()).isEqualTo(PaymentState.PENDING);
        } finally {
            town.jdbc.update("update booking_fee_band set yen_per_hour = yen_per_hour / 2");
        }
    }

    @Test
    void workersCountAsResidentsOnlyWhereTheUnitsRulesSaySoAndOnlyOnceVerified() {
        long worker = 203;
        town.users.register(worker, Residency.WORKER);
        assertThat(bookings.quote(slot(worker, "10:00", "11:00", Set.of(), null)).feeClass())
                .as("not yet verified").isEqualTo(FeeClass.NON_RESIDENT);
        town.users.verify(worker);
        assertThat(bookings.quote(slot(worker, "10:00", "11:00", Set.of(), null)).feeClass()).isEqualTo(FeeClass.RESIDENT);
        town.jdbc.update("update booking_unit set workers_as_residents = false where id = ?", HALL);
        try {
            assertThat(bookings.quote(slot(worker, "10:00", "11:00", Set.of(), null)).feeClass()).isEqualTo(FeeClass.NON_RESIDENT);
        } finally {
            town.jdbc.update("update booking_unit set workers_as_residents = true where id = ?", HALL);
        }
    }

    @Test
    void residentsMayBookFurtherAheadThanNonResidents() {
        // 2027-04-05 is 119 days after 7 December 2026: within residents' 180 days, beyond non-residents' 90.
        assertThat(bookings.hold(new Bookings.SlotRequest(HALL, at("2027-04-05T10:00"), at("2027-04-05T11:00"), RESIDENT)).state())
                .isEqualTo(BookingState.HELD);
        assertThatThrownBy(() -> bookings.hold(new Bookings.SlotRequest(HALL, at("2027-04-05T12:00"), at("2027-04-05T13:00"), VISITOR)))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo("too-far-ahead");
                    assertThat(problem.members()).containsEntry("lastDay", "2027-03-07").containsEntry("feeClass", "non-resident");
                });
    }

    private static Bookings.SlotRequest slot(long account, String from, String to, Set<String> extras, String reduction) {
        return new Bookings.SlotRequest(HALL, at("2027-01-04T" + from), at("2027-01-04T" + to), account, null, extras, reduction);
    }
}
