package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 減免 the rules mark as needing approval (公益活動, 50 %) waits in staff's queue: the booking shows
 * it pending and owes the full fee, no payment is opened; staff approve it (the fee drops) or
 * refuse it with a reason (the fee stands); either way the resident is told and the audit log says who.
 */
class ReductionApprovalsTest {

    static final long RESIDENT = 400;

    static BookingTown town;
    static ReductionApprovals approvals;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
        approvals = town.reductionApprovals();
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
    void aReductionThatNeedsApprovalIsPendingAndTheFullFeeOwedUntilStaffDecide() {
        Booking booking = confirmedEvening("public-interest");

        assertThat(booking.quote().reduction().decision()).isEqualTo(Quote.Reduction.PENDING);
        assertThat(booking.quote().reduction().yen()).as("what it would take off").isEqualTo(1000);
        assertThat(booking.feeYen()).as("two evening hours at 1,000 yen, nothing off yet").isEqualTo(2000);
        assertThat(booking.payment()).as("nothing to pay before staff decide").isNull();
        assertThat(approvals.pending()).extracting(Booking::id).containsExactly(booking.id());
    }

    @Test
    void approvedTheReductionComesOffAndThePaymentOpensForTheRest() {
        Booking booking = confirmedEvening("public-interest");

        Booking approved = approvals.approve(booking.id(), "tanaka");

        assertThat(approved.feeYen()).isEqualTo(1000);
        assertThat(approved.quote().reduction().decision()).isEqualTo(Quote.Reduction.APPROVED);
        assertThat(approved.payment().amountYen()).isEqualTo(1000);
        assertThat(approvals.pending()).isEmpty();
        assertThat(town.notices.of(RESIDENT).getFirst().message().ja()).contains("承認されました", "1000 円");
        assertThat(audit(booking.id())).containsEntry("action", "booking.reduction.approve");
        assertThatThrownBy(() -> approvals.refuse(booking.id(), "二度目", "tanaka"))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("no-pending-reduction"));
    }

    @Test
    void afterUseKeepsTheReductionStaffApproved() {
        Booking approved = approvals.approve(confirmedEvening("public-interest").id(), "tanaka");
        AfterUse atTheEnd = town.afterUseAt(Clock.fixed(at("2027-01-04T20:00"), BookingTown.JAPAN));

        AfterUse.Confirmed used = atTheEnd.confirm(approved.id(), RESIDENT, 20, Set.of(), AfterUse.OWNER);

        assertThat(used.quote().reduction().decision()).isEqualTo(Quote.Reduction.APPROVED);
        assertThat(used.finalFeeYen()).as("the approved half still off").isEqualTo(1000);
        assertThat(used.extraYen()).isZero();
    }

    @Test
    void refusedWithAReasonTheFullFeeStandsAndTheResidentIsToldWhy() {
        Booking booking = confirmedEvening("public-interest");
        assertThatThrownBy(() -> approvals.refuse(booking.id(), " ", "tanaka"))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));

        Booking refused = approvals.refuse(booking.id(), "営利目的の催しのため", "tanaka");

        assertThat(refused.feeYen()).isEqualTo(2000);
        assertThat(refused.quote().reduction().decision()).isEqualTo(Quote.Reduction.REFUSED);
        assertThat(refused.payment().amountYen()).isEqualTo(2000);
        assertThat(town.notices.of(RESIDENT).getFirst().message().ja()).contains("承認されませんでした", "営利目的の催しのため");
        assertThat(audit(booking.id())).containsEntry("action", "booking.reduction.refuse");
        assertThat((String) audit(booking.id()).get("details")).contains("営利目的の催しのため");
    }

    @Test
    void aReductionTheRulesGrantOnTheirOwnNeedsNoApproval() {
        Booking booking = confirmedEvening("school");

        assertThat(booking.quote().reduction().decision()).isNull();
        assertThat(booking.feeYen()).isZero();
        assertThat(approvals.pending()).isEmpty();
    }

    @Test
    void aLotteryWinnerClaimingSuchAReductionWaitsForStaffToo() {
        town.jdbc.update("update booking_unit set by_lottery = true where id = ?", BookingTown.ARENA);
        try {
            Lotteries lotteries = town.lotteriesAt(BookingTown.NOW);
            long lottery = lotteries.open(YearMonth.of(2027, 1), at("2026-12-01T09:00"), at("2026-12-07T12:00"),
                    at("2026-12-20T17:00"), 4).id();
            lotteries.enter(lottery, new Bookings.SlotRequest(BookingTown.ARENA, at("2027-01-09T13:00"), at("2027-01-09T15:00"),
                    RESIDENT, null, Set.of(), "public-interest"));

            town.lotteriesAt(Clock.fixed(at("2026-12-07T13:00"), BookingTown.JAPAN)).draw(lottery, null);

            assertThat(approvals.pending()).singleElement().satisfies(won -> {
                assertThat(won.state()).isEqualTo(BookingState.HELD);
                assertThat(won.quote().reduction().decision()).isEqualTo(Quote.Reduction.PENDING);
            });
        } finally {
            town.jdbc.update("delete from booking_lottery");
            town.jdbc.update("update booking_unit set by_lottery = false");
        }
    }

    /** The resident holds and confirms the hall 18:00–20:00 on 4 January 2027 claiming the reduction. */
    private static Booking confirmedEvening(String reduction) {
        Booking held = town.bookings.hold(new Bookings.SlotRequest(HALL, at("2027-01-04T18:00"), at("2027-01-04T20:00"), RESIDENT,
                null, Set.of(), reduction));
        return town.bookings.confirm(held.id(), RESIDENT);
    }

    private static Map<String, Object> audit(long bookingId) {
        return town.jdbc.queryForMap("select action, details::text as details from audit_log where target = ?", "booking " + bookingId);
    }
}
