package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chizu.platform.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BookingsTest {

    static final long HANAKO = 101;
    static final long TARO = 102;

    static BookingTown town;
    static Bookings bookings;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
        bookings = town.bookings;
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
    void aHeldSlotIsTakenForEveryoneElse() {
        Booking held = bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T12:00"), HANAKO);

        assertThat(held.state()).isEqualTo(BookingState.HELD);
        assertThat(held.heldUntil()).isNotNull();
        assertThat(held.start().toString()).isEqualTo("2027-01-04T10:00+09:00");
        assertThatThrownBy(() -> bookings.hold(HALL, at("2027-01-04T11:00"), at("2027-01-04T12:00"), TARO))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.type()).isEqualTo("taken");
                    assertThat(((Label) problem.members().get("message")).ja()).contains("すでに予約");
                });
        assertThat(bookings.hold(HALL, at("2027-01-04T12:00"), at("2027-01-04T13:00"), TARO).state())
                .as("the next slot, touching but not overlapping").isEqualTo(BookingState.HELD);
        assertThat(bookings.hold(ARENA, at("2027-01-04T10:00"), at("2027-01-04T12:00"), TARO).state())
                .as("another unit at the same time").isEqualTo(BookingState.HELD);
    }

    @Test
    void twoHundredResidentsAskingForOneSlotAtOnceGetOneHoldAndAreOtherwiseToldItIsTaken() throws Exception {
        int residents = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(residents)) {
            for (int i = 0; i < residents; i++) {
                long account = 1000 + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        return bookings.hold(HALL, at("2027-01-05T18:00"), at("2027-01-05T20:00"), account).state().id();
                    } catch (BookingProblem problem) {
                        return problem.type();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> answer : answers) {
                outcomes.add(answer.get());
            }
            assertThat(outcomes).filteredOn("held"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("taken"::equals).hasSize(residents - 1);
        }
        assertThat(town.jdbc.queryForObject("select count(*) from booking where state = 'held'", Integer.class)).isOne();
    }

    @Test
    void confirmingBooksAUnitThatNeedsNoApproval() {
        Booking held = bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T11:00"), HANAKO);

        Booking booked = bookings.confirm(held.id(), HANAKO);

        assertThat(booked.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(booked.heldUntil()).isNull();
        assertThat(bookings.confirm(held.id(), HANAKO).state()).as("confirming again changes nothing").isEqualTo(BookingState.CONFIRMED);
    }

    @Test
    void whereStaffApproveAConfirmedHoldIsAnApplicationThatStillKeepsTheSlot() {
        Booking held = bookings.hold(ARENA, at("2027-01-09T13:00"), at("2027-01-09T17:00"), HANAKO);

        Booking applied = bookings.confirm(held.id(), HANAKO);

        assertThat(applied.state()).isEqualTo(BookingState.APPLIED);
        assertThatThrownBy(() -> bookings.hold(ARENA, at("2027-01-09T16:00"), at("2027-01-09T17:00"), TARO))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("taken"));
        assertThat(bookings.approve(held.id()).state()).isEqualTo(BookingState.CONFIRMED);
    }

    @Test
    void aLapsedHoldFreesItsSlotAndCannotBeConfirmed() {
        Booking lapsed = bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T11:00"), HANAKO);
        town.jdbc.update("update booking set held_until = now() - interval '1 second' where id = ?", lapsed.id());

        Booking taro = bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T11:00"), TARO);

        assertThat(taro.state()).isEqualTo(BookingState.HELD);
        assertThatThrownBy(() -> bookings.confirm(lapsed.id(), HANAKO))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("hold-expired"));
        assertThat(bookings.of(HANAKO)).singleElement().satisfies(b -> assertThat(b.state()).isEqualTo(BookingState.EXPIRED));
    }

    @Test
    void theSweeperMarksLapsedHoldsExpiredAndLeavesLiveOnesAlone() {
        Booking lapsed = bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T11:00"), HANAKO);
        bookings.hold(HALL, at("2027-01-04T14:00"), at("2027-01-04T15:00"), HANAKO);
        town.jdbc.update("update booking set held_until = now() - interval '1 second' where id = ?", lapsed.id());

        assertThat(bookings.expireLapsedHolds()).isOne();
        assertThat(town.jdbc.queryForList("select state from booking order by id", String.class)).containsExactly("expired", "held");
    }

    @Test
    void cancellingFreesTheSlotForSomeoneElseAndOnlyTheOwnerMayCancel() {
        Booking booked = bookings.confirm(bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T11:00"), HANAKO).id(), HANAKO);

        assertThatThrownBy(() -> bookings.cancel(booked.id(), TARO))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
        assertThat(bookings.cancel(booked.id(), HANAKO).state()).isEqualTo(BookingState.CANCELLED);
        assertThat(bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T11:00"), TARO).state()).isEqualTo(BookingState.HELD);
        assertThat(bookings.of(HANAKO)).extracting(Booking::state).containsExactly(BookingState.CANCELLED);
        assertThat(bookings.of(TARO)).extracting(Booking::state).containsExactly(BookingState.HELD);
    }

    @Test
    void aClosedDayIsRefusedNamingTheHolidayFromThePublishedList() {
        // 2027-01-11 is 成人の日 in the Cabinet Office's list; the hall closes on holidays, the arena does not.
        assertThatThrownBy(() -> bookings.hold(HALL, at("2027-01-11T10:00"), at("2027-01-11T11:00"), HANAKO))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.type()).isEqualTo("closed-day");
                    assertThat(problem.members().get("holiday")).isEqualTo(new Label("成人の日", "Coming of Age Day"));
                    assertThat(problem.getMessage()).contains("2027-01-11", "public holiday");
                });
        assertThat(bookings.hold(ARENA, at("2027-01-11T10:00"), at("2027-01-11T11:00"), HANAKO).state()).isEqualTo(BookingState.HELD);
        assertThatThrownBy(() -> bookings.hold(HALL, at("2027-01-10T10:00"), at("2027-01-10T11:00"), HANAKO))
                .as("a Sunday, the hall's weekly closed day")
                .isInstanceOfSatisfying(BookingProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo("closed-day");
                    assertThat(problem.members()).doesNotContainKey("holiday");
                });
    }

    @Test
    void periodsTheUnitsRulesRefuseAreRefusedNamingTheRule() {
        assertRefused(at("2026-12-07T08:00"), at("2026-12-07T09:00"), 422, "in-the-past");
        assertRefused(at("2027-01-09T16:00"), at("2027-01-09T18:00"), 422, "outside-opening-hours");
        assertRefused(at("2027-01-04T08:00"), at("2027-01-04T10:00"), 422, "outside-opening-hours");
        assertRefused(at("2027-01-04T10:30"), at("2027-01-04T11:30"), 422, "not-whole-slots");
        assertRefused(at("2027-01-04T10:00"), at("2027-01-04T14:00"), 422, "too-long");
        assertRefused(at("2027-01-04T11:00"), at("2027-01-04T10:00"), 422, "ends-before-start");
        assertRefused(at("2027-07-05T10:00"), at("2027-07-05T11:00"), 422, "too-far-ahead");
        assertThatThrownBy(() -> bookings.hold(99, at("2027-01-04T10:00"), at("2027-01-04T11:00"), HANAKO))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
        assertThat(town.jdbc.queryForObject("select count(*) from booking", Integer.class)).isZero();
    }

    @Test
    void outsideOpeningHoursSaysTheHoursOfThatDay() {
        assertThatThrownBy(() -> bookings.hold(HALL, at("2027-01-09T16:00"), at("2027-01-09T18:00"), HANAKO))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> {
                    assertThat(problem.members()).containsEntry("opens", "09:00").containsEntry("closes", "17:00");
                    assertThat(((Label) problem.members().get("message")).ja()).isEqualTo("2027-01-09 の利用時間は 09:00〜17:00 です。");
                });
    }

    private static void assertRefused(Instant start, Instant end, int status, String type) {
        assertThatThrownBy(() -> bookings.hold(HALL, start, end, HANAKO)).as(type)
                .isInstanceOfSatisfying(BookingProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(status);
                    assertThat(problem.type()).isEqualTo(type);
                });
    }
}
