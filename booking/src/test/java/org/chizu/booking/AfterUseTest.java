package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.JAPAN;
import static org.chizu.booking.BookingTown.at;

import java.time.Clock;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Identity;
import org.chizu.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 利用後内容確定: Hanako, a verified resident, books the hall on 4 January 2027 from 10:00 to 12:00
 * with lighting (1,200 yen of use and 400 of lighting); once it has ended, she or staff confirm
 * how many came and what was used, and staff record no-shows.
 */
class AfterUseTest {

    static final long HANAKO = 101;
    static final long TARO = 102;
    static final Identity TANAKA = new Identity(900, AccountKind.STAFF, "tanaka", "田中 一郎", Role.STAFF, Set.of());

    static BookingTown town;
    /** Noon on 4 January 2027, the moment Hanako's booking ends. */
    static AfterUse atTheEnd;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
        town.verifiedResident(HANAKO);
        atTheEnd = town.afterUseAt(Clock.fixed(at("2027-01-04T12:00"), JAPAN));
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @AfterEach
    void forgetEveryBooking() {
        town.jdbc.update("delete from booking");
    }

    Booking hanakosMorningWithLighting() {
        Booking held = town.bookings.hold(new Bookings.SlotRequest(HALL, at("2027-01-04T10:00"), at("2027-01-04T12:00"),
                HANAKO, null, Set.of("lighting"), null));
        return town.bookings.confirm(held.id(), HANAKO);
    }

    @Test
    void theOwnerConfirmsHeadcountAndExtrasUsedAndOwesWhatTheRulesAddAtTheCounter() {
        Booking booking = hanakosMorningWithLighting();
        assertThat(booking.feeYen()).isEqualTo(1600);

        AfterUse.Confirmed used = atTheEnd.confirm(booking.id(), HANAKO, 25, Set.of("lighting", "heating"), AfterUse.OWNER);

        assertThat(used.noShow()).isFalse();
        assertThat(used.headcount()).isEqualTo(25);
        assertThat(used.extras()).containsExactly("heating", "lighting");
        assertThat(used.bookedFeeYen()).isEqualTo(1600);
        assertThat(used.finalFeeYen()).as("two hours of heating at 300 more").isEqualTo(2200);
        assertThat(used.extraYen()).isEqualTo(600);
        assertThat(used.quote().feeClass()).isEqualTo(FeeClass.RESIDENT);
        assertThat(used.confirmedBy()).isEqualTo(AfterUse.OWNER);
        assertThat(used.extraPaidAt()).isNull();

        assertThat(atTheEnd.payExtraAtCounter(booking.id()).extraPaidAt()).isNotNull();
        assertProblem(() -> atTheEnd.payExtraAtCounter(booking.id()), 409, "payment-state");
    }

    @Test
    void usingLessThanBookedIsNotRefunded() {
        Booking booking = hanakosMorningWithLighting();

        AfterUse.Confirmed used = atTheEnd.confirm(booking.id(), null, 8, Set.of(), TANAKA.name());

        assertThat(used.finalFeeYen()).isEqualTo(1200);
        assertThat(used.extraYen()).isZero();
        assertThat(used.confirmedBy()).isEqualTo("tanaka");
        assertProblem(() -> atTheEnd.payExtraAtCounter(booking.id()), 404, "nothing-to-pay");
    }

    @Test
    void useIsConfirmedOnlyAfterTheEndAndOnlyOnce() {
        Booking booking = hanakosMorningWithLighting();
        AfterUse beforeTheEnd = town.afterUseAt(Clock.fixed(at("2027-01-04T11:59"), JAPAN));

        assertProblem(() -> beforeTheEnd.confirm(booking.id(), HANAKO, 10, Set.of(), AfterUse.OWNER), 409, "not-ended");
        assertProblem(() -> beforeTheEnd.noShow(booking.id(), TANAKA.name()), 409, "not-ended");
        atTheEnd.confirm(booking.id(), HANAKO, 10, Set.of(), AfterUse.OWNER);
        assertProblem(() -> atTheEnd.confirm(booking.id(), null, 12, Set.of(), TANAKA.name()), 409, "after-use-confirmed");
        assertProblem(() -> atTheEnd.noShow(booking.id(), TANAKA.name()), 409, "after-use-confirmed");
        assertThat(atTheEnd.of(booking.id()).orElseThrow().headcount()).as("the first confirmation stands").isEqualTo(10);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        Booking booking = hanakosMorningWithLighting();

        assertThat(problem(() -> atTheEnd.confirm(booking.id(), HANAKO, null, Set.of(), AfterUse.OWNER), 400, "missing-field")
                .members()).containsEntry("field", "headcount");
        assertThat(problem(() -> atTheEnd.confirm(booking.id(), HANAKO, 0, Set.of(), AfterUse.OWNER), 400, "invalid-field")
                .members()).containsEntry("field", "headcount");
        assertThat(problem(() -> atTheEnd.confirm(booking.id(), HANAKO, 61, Set.of(), AfterUse.OWNER), 422, "over-capacity")
                .members()).containsEntry("field", "headcount").containsEntry("capacity", 60);
        assertThat(problem(() -> atTheEnd.confirm(booking.id(), HANAKO, 10, Set.of("sauna"), AfterUse.OWNER), 422, "unknown-extra")
                .members()).containsEntry("extra", "sauna");
        assertProblem(() -> atTheEnd.confirm(booking.id(), TARO, 10, Set.of(), AfterUse.OWNER), 404, "unknown-booking");
        assertThat(atTheEnd.of(booking.id())).isEmpty();
    }

    @Test
    void staffRecordANoShowAndListTheEndedBookingsStillToConfirm() {
        Booking noShow = hanakosMorningWithLighting();
        Booking later = town.bookings.confirm(town.bookings.hold(HALL, at("2027-01-04T12:00"), at("2027-01-04T13:00"), TARO).id(), TARO);
        Booking cancelled = town.bookings.confirm(town.bookings.hold(HALL, at("2027-01-04T09:00"), at("2027-01-04T10:00"), TARO).id(), TARO);
        town.bookings.cancel(cancelled.id(), TARO);
        town.staff.blockForOfficialUse(HALL, at("2027-01-04T14:00"), at("2027-01-04T15:00"), "防災訓練", TANAKA);
        AfterUse atTheEndOfTheDay = town.afterUseAt(Clock.fixed(at("2027-01-04T21:00"), JAPAN));

        assertThat(atTheEnd.awaiting()).extracting(Booking::id).as("ended by noon").containsExactly(noShow.id());
        assertThat(atTheEndOfTheDay.awaiting()).extracting(Booking::id).as("not the cancelled, not official use")
                .containsExactly(noShow.id(), later.id());
        assertProblem(() -> atTheEndOfTheDay.noShow(cancelled.id(), TANAKA.name()), 409, "wrong-state");

        AfterUse.Confirmed recorded = atTheEndOfTheDay.noShow(noShow.id(), TANAKA.name());

        assertThat(recorded.noShow()).isTrue();
        assertThat(recorded.headcount()).isNull();
        assertThat(recorded.finalFeeYen()).as("the booked fee stands").isEqualTo(1600);
        assertThat(recorded.extraYen()).isZero();
        assertThat(atTheEndOfTheDay.awaiting()).extracting(Booking::id).containsExactly(later.id());
    }

    static void assertProblem(ThrowingCallable call, int status, String type) {
        problem(call, status, type);
    }

    static BookingProblem problem(ThrowingCallable call, int status, String type) {
        BookingProblem[] caught = new BookingProblem[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(BookingProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.type()).isEqualTo(type);
            caught[0] = problem;
        });
        return caught[0];
    }
}
