package org.chizu.booking;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Paying online the extra owed after use (利用後内容確定, {@code booking_after_use.extra_yen}) through
 * the same provider and signed webhook as the fee; staff may still take it at the counter
 * ({@link AfterUse#payExtraAtCounter}). The extra is paid once: a checkout paid after the extra was
 * already paid (at the counter, or through another checkout) is refunded in full at the provider.
 */
@Service
public class ExtraPayments {

    private static final Logger log = LoggerFactory.getLogger(ExtraPayments.class);

    private final JdbcTemplate jdbc;
    private final PaymentProvider provider;

    public ExtraPayments(JdbcTemplate jdbc, PaymentProvider provider) {
        this.jdbc = jdbc;
        this.provider = provider;
    }

    /**
     * Opens an online checkout for the extra the account owes on its booking; where to pay.
     *
     * @throws BookingProblem 404 when the account's booking owes no extra, 409 when it was paid already,
     *                        502 when the provider fails
     */
    public PaymentProvider.Checkout checkout(long bookingId, long accountId) {
        record Owed(int yen, boolean paid) {
        }
        Owed owed = jdbc.query("""
                select a.extra_yen, a.extra_paid_at is not null as paid
                from booking_after_use a join booking b on b.id = a.booking_id
                where a.booking_id = ? and b.account_id = ? and a.extra_yen > 0""",
                (rs, n) -> new Owed(rs.getInt("extra_yen"), rs.getBoolean("paid")), bookingId, accountId)
                .stream().findFirst().orElseThrow(() -> BookingProblem.nothingToPay(bookingId));
        if (owed.paid()) {
            throw BookingProblem.paymentState(bookingId, PaymentState.PAID, "paid online");
        }
        PaymentProvider.Checkout checkout = provider.checkout(reference(bookingId), owed.yen(), "施設予約 " + bookingId + " 利用後追加料金");
        jdbc.update("""
                update booking_after_use set extra_method = 'online', extra_checkout_ref = ?
                where booking_id = ? and extra_paid_at is null""", checkout.id(), bookingId);
        return checkout;
    }

    /**
     * The provider says a checkout was paid; part of the webhook's transaction. Marks the extra paid
     * when the checkout is the extra's and the amount is what it owes; hands the money back when the
     * extra was paid already. A checkout that is no extra's is left alone.
     */
    void paidOnline(String checkout, int amountYen) {
        Optional<Long> booking = jdbc.query("select booking_id from booking_after_use where extra_checkout_ref = ?",
                (rs, n) -> rs.getLong(1), checkout).stream().findFirst();
        if (booking.isEmpty()) {
            return;
        }
        int paid = jdbc.update("""
                update booking_after_use set extra_paid_at = now(), extra_method = 'online'
                where extra_checkout_ref = ? and extra_paid_at is null and extra_yen = ?""", checkout, amountYen);
        if (paid == 0 && alreadyPaid(booking.get())) {
            provider.refund(checkout, amountYen);
            log.warn("the extra of booking {} was paid already; checkout {} paid it again and was refunded ({} yen)",
                    booking.get(), checkout, amountYen);
        } else if (paid == 0) {
            log.warn("payment notification for checkout {} did not match the extra owed on booking {}", checkout, booking.get());
        }
    }

    private boolean alreadyPaid(long bookingId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select extra_paid_at is not null from booking_after_use where booking_id = ?", Boolean.class, bookingId));
    }

    static String reference(long bookingId) {
        return "booking-extra-" + bookingId;
    }
}
