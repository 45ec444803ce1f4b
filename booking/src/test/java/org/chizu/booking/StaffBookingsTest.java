package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.util.Set;

import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Identity;
import org.chizu.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StaffBookingsTest {

    static final long HANAKO = 101;
    static final long TARO = 102;
    static final Identity TANAKA = new Identity(900, AccountKind.STAFF, "tanaka", "田中 一郎", Role.STAFF, Set.of());

    static BookingTown town;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @AfterEach
    void forgetEveryBooking() {
        town.jdbc.update("delete from booking");
    }

    Booking booked(long unit, String from, String to, long account) {
        Booking held = town.bookings.hold(unit, at(from), at(to), account);
        return town.bookings.confirm(held.id(), account);
    }

    @Test
    void anOfficialUseBlockCancelsTheBookingsInItsWayTellsTheirOwnersAndStaffMoveThem() {
        Booking hanakos = booked(HALL, "2027-01-04T10:00", "2027-01-04T12:00", HANAKO);
        Booking tarosAfter = booked(HALL, "2027-01-04T13:00", "2027-01-04T14:00", TARO);

        StaffBookings.Block block = town.staff.blockForOfficialUse(HALL, at("2027-01-04T11:00"), at("2027-01-04T13:00"),
                "選挙の期日前投票所", TANAKA);

        assertThat(block.booking().state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(block.booking().accountId()).isEqualTo(TANAKA.id());
        assertThat(block.displaced()).singleElement().satisfies(displaced -> {
            assertThat(displaced.id()).isEqualTo(hanakos.id());
            assertThat(displaced.state()).isEqualTo(BookingState.CANCELLED);
        });
        assertThat(town.bookings.find(tarosAfter.id()).orElseThrow().state()).as("touching, not overlapping")
                .isEqualTo(BookingState.CONFIRMED);
        assertThat(town.notices.of(HANAKO)).singleElement()
                .satisfies(notice -> assertThat(notice.message().ja()).contains("公用（選挙の期日前投票所）", "取り消されました"));
        assertThat(town.notices.of(TARO)).isEmpty();
        assertThatThrownBy(() -> town.bookings.hold(HALL, at("2027-01-04T12:00"), at("2027-01-04T13:00"), TARO))
                .as("the block takes its slots").isInstanceOfSatisfying(BookingProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo("taken"));
        assertThat(town.staff.displaced()).singleElement()
                .satisfies(displaced -> assertThat(displaced.purpose()).isEqualTo("選挙の期日前投票所"));

        Booking moved = town.staff.move(hanakos.id(), at("2027-01-05T10:00"), at("2027-01-05T12:00"), TANAKA);

        assertThat(moved.accountId()).isEqualTo(HANAKO);
        assertThat(moved.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(moved.start().toString()).isEqualTo("2027-01-05T10:00+09:00");
        assertThat(town.staff.displaced()).isEmpty();
        assertThat(town.notices.of(HANAKO)).first().satisfies(notice -> assertThat(notice.bookingId()).isEqualTo(moved.id()));
        assertThatThrownBy(() -> town.staff.move(hanakos.id(), at("2027-01-06T10:00"), at("2027-01-06T12:00"), TANAKA))
                .as("moved once").isInstanceOfSatisfying(BookingProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo("not-displaced"));
    }

    @Test
    void aMoveToATakenTimeIsRefusedAndLeavesTheBookingDisplaced() {
        Booking hanakos = booked(HALL, "2027-01-04T10:00", "2027-01-04T11:00", HANAKO);
        town.staff.blockForOfficialUse(HALL, at("2027-01-04T09:00"), at("2027-01-04T21:00"), "館内消毒", TANAKA);
        booked(HALL, "2027-01-05T10:00", "2027-01-05T11:00", TARO);

        assertThatThrownBy(() -> town.staff.move(hanakos.id(), at("2027-01-05T10:00"), at("2027-01-05T11:00"), TANAKA))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("taken"));
        assertThat(town.staff.displaced()).singleElement()
                .satisfies(displaced -> assertThat(displaced.booking().id()).isEqualTo(hanakos.id()));
        assertThat(town.jdbc.queryForObject("select count(*) from booking_by_staff", Integer.class)).isZero();
    }

    @Test
    void refusingAnApplicationCancelsItKeepsTheReasonAndTellsTheResident() {
        Booking applied = booked(ARENA, "2027-01-09T10:00", "2027-01-09T12:00", HANAKO);
        assertThat(applied.state()).isEqualTo(BookingState.APPLIED);
        assertThat(town.bookings.applications()).extracting(Booking::id).containsExactly(applied.id());

        Booking refused = town.staff.refuse(applied.id(), "同日に市の大会があるため", TANAKA);

        assertThat(refused.state()).isEqualTo(BookingState.CANCELLED);
        assertThat(town.bookings.applications()).isEmpty();
        assertThat(town.notices.of(HANAKO)).singleElement()
                .satisfies(notice -> assertThat(notice.message().ja()).contains("承認されませんでした", "同日に市の大会があるため"));
        assertThatThrownBy(() -> town.staff.refuse(applied.id(), "もう一度", TANAKA))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("wrong-state"));
        assertThatThrownBy(() -> town.staff.refuse(booked(ARENA, "2027-01-10T10:00", "2027-01-10T11:00", TARO).id(), " ", TANAKA))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("missing-field"));
    }
}
