package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.time.YearMonth;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What is for groups (reductions by group, units and lotteries for groups only, a group's lottery
 * weight) is for groups staff have verified: a group registration staff have not checked yet is
 * told so, a person is told it is for groups.
 */
class GroupRulesTest {

    static final long PERSON = 300;
    /** A group registration (団体登録): 益田ママさんバレー部. */
    static final long GROUP = 301;

    static BookingTown town;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
        town.groupRegistrations.add(GROUP);
        town.verifiedResident(PERSON);
        town.verifiedResident(GROUP);
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @AfterEach
    void asBefore() {
        town.jdbc.update("delete from booking");
        town.jdbc.update("delete from booking_lottery");
        town.jdbc.update("delete from booking_group_verification");
        town.jdbc.update("update booking_unit set groups_only = false, by_lottery = false");
    }

    @Test
    void aGroupsReductionWaitsUntilStaffHaveVerifiedTheGroup() {
        assertRefused(() -> town.bookings.quote(hall(GROUP, "registered-group")), 403, "group-not-verified");
        assertRefused(() -> town.bookings.quote(hall(PERSON, "registered-group")), 422, "reduction-needs-group");

        staffVerify(GROUP);

        assertThat(town.bookings.quote(hall(GROUP, "registered-group")).totalYen()).as("600 yen less 30 %").isEqualTo(420);
    }

    @Test
    void aUnitForGroupsIsBookedOnlyByVerifiedGroups() {
        town.jdbc.update("update booking_unit set groups_only = true where id = ?", HALL);

        assertRefused(() -> town.bookings.hold(hall(PERSON, null)), 422, "for-groups-only");
        assertRefused(() -> town.bookings.hold(hall(GROUP, null)), 403, "group-not-verified");
        staffVerify(GROUP);
        assertThat(town.bookings.hold(hall(GROUP, null)).state()).isEqualTo(BookingState.HELD);
        assertThat(town.units.find(HALL).groupsOnly()).as("the unit says so to the pages").isTrue();
    }

    @Test
    void aVerifiedGroupEntersOnceWithTheGroupsWeightAndALotteryForGroupsTakesNoOneElse() {
        town.jdbc.update("update booking_unit set by_lottery = true where id = ?", ARENA);
        Lotteries lotteries = town.lotteriesAt(BookingTown.NOW);
        long lottery = lotteries.open(new LotteryCalendar.Opening(YearMonth.of(2027, 1), at("2026-12-01T09:00"),
                at("2026-12-07T12:00"), at("2026-12-20T17:00"), 4), null, true).id();

        assertRefused(() -> lotteries.enter(lottery, arena(GROUP)), 403, "group-not-verified");
        assertRefused(() -> lotteries.enter(lottery, arena(PERSON)), 422, "for-groups-only");
        staffVerify(GROUP);
        Lottery.Entry entry = lotteries.enter(lottery, arena(GROUP));
        assertRefused(() -> lotteries.enter(lottery, arena(GROUP)), 409, "already-entered");

        assertThat(entry.weight()).as("booking_lottery_weight's row for groups").isEqualTo(
                town.jdbc.queryForObject("select weight from booking_lottery_weight where basis = 'group'", Integer.class));
    }

    /** What GroupVerifications.verify records when staff have checked the group. */
    private static void staffVerify(long account) {
        town.jdbc.update("insert into booking_group_verification (account_id, verified_by) values (?, 'tanaka')", account);
    }

    private static Bookings.SlotRequest hall(long account, String reduction) {
        return new Bookings.SlotRequest(HALL, at("2027-01-04T10:00"), at("2027-01-04T11:00"), account, null, Set.of(), reduction);
    }

    private static Bookings.SlotRequest arena(long account) {
        return new Bookings.SlotRequest(ARENA, at("2027-01-09T13:00"), at("2027-01-09T15:00"), account);
    }

    private static void assertRefused(ThrowingCallable call, int status, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BookingProblem.class, problem -> {
            assertThat(problem.status()).as(problem.getMessage()).isEqualTo(status);
            assertThat(problem.type()).isEqualTo(type);
        });
    }
}
