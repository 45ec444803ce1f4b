package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments: pending once confirmed, paid at the counter, released when unpaid by the deadline,
 * refunded by the cancellation rules; the provider's notifications only when signed.
 */
class PaymentsTest {

    static final long HANAKO = 301;
    static final String SECRET = "whsec-test-7f3a";

    static BookingTown town;
    static Bookings bookings;
    static Payments payments;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown(new PaymentProperties(null, null, SECRET, null));
        bookings = town.bookings;
        payments = town.payments;
        town.verifiedResident(HANAKO);
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @AfterEach
    void forgetEveryBooking() {
        town.jdbc.update("delete from booking");
        town.jdbc.update("delete from booking_payment_event");
    }

    @Test
    void aConfirmedBookingOwesItsFeeByADeadlineAndStaffMarkItPaidAtTheCounter() {
        Booking booked = book("2027-01-20T10:00", "2027-01-20T12:00");

        assertThat(booked.payment().state()).isEqualTo(PaymentState.PENDING);
        assertThat(booked.payment().amountYen()).isEqualTo(1200);
        assertThat(Duration.between(Instant.now(), booked.payment().dueAt())).isBetween(Duration.ofDays(6), Duration.ofDays(7));

        Payment paid = payments.payAtCounter(booked.id());

        assertThat(paid.state()).isEqualTo(PaymentState.PAID);
        assertThat(paid.method()).isEqualTo("counter");
        assertThat(payments.payAtCounter(booked.id())).as("marking it paid again changes nothing").isEqualTo(paid);
    }

    @Test
    void anExemptBookingOwesNothing() {
        Booking hold = bookings.hold(new Bookings.SlotRequest(HALL, at("2027-01-20T10:00"), at("2027-01-20T11:00"), HANAKO, null,
                Set.of(), "school"));
        Booking booked = bookings.confirm(hold.id(), HANAKO);

        assertThat(booked.feeYen()).isZero();
        assertThat(booked.payment()).isNull();
        assertThatThrownBy(() -> payments.payAtCounter(booked.id()))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("nothing-to-pay"));
    }

    @Test
    void aBookingUnpaidByItsDeadlineIsReleasedForOthers() {
        Booking booked = book("2027-01-20T10:00", "2027-01-20T12:00");
        town.jdbc.update("update booking_payment set due_at = now() - interval '1 second' where booking_id = ?", booked.id());

        assertThat(payments.expireUnpaid()).isOne();

        assertThat(bookings.find(booked.id()).orElseThrow().state()).isEqualTo(BookingState.EXPIRED);
        assertThat(bookings.find(booked.id()).orElseThrow().payment().state()).isEqualTo(PaymentState.EXPIRED);
        assertThatThrownBy(() -> payments.payAtCounter(booked.id()))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.type()).isEqualTo("payment-state"));
        assertThat(bookings.hold(HALL, at("2027-01-20T10:00"), at("2027-01-20T12:00"), 302).state()).isEqualTo(BookingState.HELD);
    }

    @Test
    void cancellingRefundsByHowManyDaysAheadItIsCancelled() {
        // Today is 7 December 2026. The rules: 30 days or more before, all back; 7 or more, half; later, nothing.
        Booking farAhead = paid(book("2027-01-20T10:00", "2027-01-20T12:00"));
        Booking weeksAhead = paid(book("2027-01-04T10:00", "2027-01-04T12:00"));
        Booking daysAhead = paid(book("2026-12-10T10:00", "2026-12-10T12:00"));

        assertThat(bookings.cancel(farAhead.id(), HANAKO).payment())
                .satisfies(p -> assertThat(p.state()).isEqualTo(PaymentState.REFUNDED))
                .satisfies(p -> assertThat(p.refundedYen()).isEqualTo(1200));
        assertThat(bookings.cancel(weeksAhead.id(), HANAKO).payment())
                .satisfies(p -> assertThat(p.state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED))
                .satisfies(p -> assertThat(p.refundedYen()).isEqualTo(600));
        assertThat(bookings.cancel(daysAhead.id(), HANAKO).payment())
                .satisfies(p -> assertThat(p.state()).as("the whole fee is kept").isEqualTo(PaymentState.PAID))
                .satisfies(p -> assertThat(p.refundedYen()).isZero());
        assertThat(payments.cancellationFee(1000, LocalDate.of(2027, 1, 4))).isEqualTo(500);
    }

    @Test
    void cancellingBeforePayingCancelsThePayment() {
        Booking booked = book("2027-01-20T10:00", "2027-01-20T12:00");

        assertThat(bookings.cancel(booked.id(), HANAKO).payment().state()).isEqualTo(PaymentState.CANCELLED);
    }

    @Test
    void aNotificationCountsOnlyWithAValidRecentSignatureAndOnlyOnce() {
        Booking booked = book("2027-01-20T10:00", "2027-01-20T12:00");
        town.jdbc.update("update booking_payment set method = 'online', checkout_ref = 'chk_1' where booking_id = ?", booked.id());
        String body = "{\"id\":\"evt_1\",\"type\":\"checkout.paid\",\"checkout\":\"chk_1\",\"amount\":1200}";
        Instant now = BookingTown.NOW.instant();

        assertThatThrownBy(() -> payments.notified(WebhookSignature.sign("another-secret", now, body), body))
                .isInstanceOfSatisfying(BookingProblem.class, problem -> assertThat(problem.status()).isEqualTo(401));
        assertThatThrownBy(() -> payments.notified(WebhookSignature.sign(SECRET, now, body.replace("1200", "12")), body))
                .as("a body changed after signing").isInstanceOf(BookingProblem.class);
        assertThatThrownBy(() -> payments.notified(WebhookSignature.sign(SECRET, now.minus(Duration.ofMinutes(6)), body), body))
                .as("signed too long ago").isInstanceOf(BookingProblem.class);
        assertThatThrownBy(() -> payments.notified(null, body)).isInstanceOf(BookingProblem.class);
        assertThat(payments.of(booked.id()).orElseThrow().state()).isEqualTo(PaymentState.PENDING);

        payments.notified(WebhookSignature.sign(SECRET, now, body), body);
        payments.notified(WebhookSignature.sign(SECRET, now, body), body);

        assertThat(payments.of(booked.id()).orElseThrow().state()).isEqualTo(PaymentState.PAID);
        assertThat(town.jdbc.queryForObject("select count(*) from booking_payment_event", Integer.class)).isOne();
    }

    @Test
    void aNotificationOfTheWrongAmountPaysNothing() {
        Booking booked = book("2027-01-20T10:00", "2027-01-20T12:00");
        town.jdbc.update("update booking_payment set method = 'online', checkout_ref = 'chk_2' where booking_id = ?", booked.id());
        String body = "{\"id\":\"evt_2\",\"type\":\"checkout.paid\",\"checkout\":\"chk_2\",\"amount\":1}";

        payments.notified(WebhookSignature.sign(SECRET, BookingTown.NOW.instant(), body), body);

        assertThat(payments.of(booked.id()).orElseThrow().state()).isEqualTo(PaymentState.PENDING);
    }

    private static Booking book(String from, String to) {
        return bookings.confirm(bookings.hold(HALL, at(from), at(to), HANAKO).id(), HANAKO);
    }

    private static Booking paid(Booking booking) {
        payments.payAtCounter(booking.id());
        return booking;
    }
}
