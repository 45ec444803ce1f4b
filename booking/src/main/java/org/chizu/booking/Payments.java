package org.chizu.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Payments of bookings (table {@code booking_payment}). A confirmed booking with a fee owes it by a
 * deadline ({@link BookingProperties#payWithin()}, never after the booking starts): staff mark it
 * paid at the counter, or the resident pays online and the provider's signed notification marks it
 * paid. Unpaid at the deadline, it expires and the booking is released. A cancelled booking that
 * was paid is refunded less the cancellation fee for how many days before its day it was cancelled
 * ({@code booking_cancellation_fee}).
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private static final String SELECT = """
            select id, booking_id, state, method, amount_yen, refunded_yen, due_at, paid_at from booking_payment""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PaymentProvider provider;
    private final ExtraPayments extras;
    private final PaymentProperties paymentProperties;
    private final BookingProperties properties;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    public Payments(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PaymentProvider provider,
                    ExtraPayments extras, PaymentProperties paymentProperties, BookingProperties properties) {
        this(jdbc, transactionManager, provider, extras, paymentProperties, properties, Clock.systemUTC());
    }

    Payments(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PaymentProvider provider,
             ExtraPayments extras, PaymentProperties paymentProperties, BookingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.provider = provider;
        this.extras = extras;
        this.paymentProperties = paymentProperties;
        this.properties = properties;
        this.clock = clock;
    }

    /** The booking's payment, if it owes or owed one. */
    public Optional<Payment> of(long bookingId) {
        return jdbc.query(SELECT + " where booking_id = ?", Payments::payment, bookingId).stream().findFirst();
    }

    /** Opens the payment of a booking just confirmed, when it has a fee; part of the confirming transaction. */
    void open(long bookingId) {
        jdbc.update("""
                insert into booking_payment (booking_id, state, amount_yen, due_at)
                select id, 'pending', fee_yen, least(now() + make_interval(secs => ?), lower(period))
                from booking where id = ? and state = 'confirmed' and fee_yen > 0
                on conflict (booking_id) do nothing""", properties.payWithin().toSeconds(), bookingId);
    }

    /**
     * Staff took the fee at the counter (窓口払い).
     *
     * @throws BookingProblem 404 when the booking owes nothing, 409 when the payment is not pending
     */
    public Payment payAtCounter(long bookingId) {
        jdbc.update("""
                update booking_payment set state = 'paid', method = 'counter', paid_at = now(), changed_at = now()
                where booking_id = ? and state = 'pending'""", bookingId);
        Payment payment = of(bookingId).orElseThrow(() -> BookingProblem.nothingToPay(bookingId));
        if (payment.state() != PaymentState.PAID || !"counter".equals(payment.method())) {
            throw BookingProblem.paymentState(bookingId, payment.state(), "paid at the counter");
        }
        return payment;
    }

    /**
     * Opens an online checkout for the account's pending payment; where to pay.
     *
     * @throws BookingProblem 404 when there is nothing to pay, 409 when not pending, 502 when the provider fails
     */
    public PaymentProvider.Checkout checkout(long bookingId, long accountId) {
        Payment payment = jdbc.query(SELECT + " p where booking_id = ? and exists (select 1 from booking b where b.id = p.booking_id and b.account_id = ?)",
                Payments::payment, bookingId, accountId).stream().findFirst().orElseThrow(() -> BookingProblem.nothingToPay(bookingId));
        if (payment.state() != PaymentState.PENDING) {
            throw BookingProblem.paymentState(bookingId, payment.state(), "paid online");
        }
        PaymentProvider.Checkout checkout = provider.checkout(reference(payment.id()), payment.amountYen(), "施設予約 " + bookingId);
        jdbc.update("update booking_payment set method = 'online', checkout_ref = ?, changed_at = now() where id = ? and state = 'pending'",
                checkout.id(), payment.id());
        return checkout;
    }

    /**
     * A notification from the provider, applied once however often it arrives. {@code checkout.paid}
     * marks the checkout's pending payment paid when the amount matches; others are recorded only.
     *
     * @throws BookingProblem 401 when the signature does not verify, 400 when the body is not an event
     */
    public void notified(String signature, String body) {
        if (!WebhookSignature.verifies(paymentProperties.webhookSecret(), signature, body, clock.instant(),
                paymentProperties.webhookTolerance())) {
            throw BookingProblem.badSignature();
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (Exception e) {
            throw BookingProblem.invalid("body", "not JSON", "a provider event");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        String checkout = event.path("checkout").asText("");
        if (id.isEmpty() || type.isEmpty()) {
            throw BookingProblem.invalid("body", body.length() > 80 ? body.substring(0, 80) : body, "an event with id and type");
        }
        transactions.executeWithoutResult(status -> {
            Long paymentId = jdbc.query("select id from booking_payment where checkout_ref = ?", (rs, n) -> rs.getLong(1), checkout)
                    .stream().findFirst().orElse(null);
            if (jdbc.update("insert into booking_payment_event (event_id, payment_id, kind) values (?, ?, ?) on conflict do nothing",
                    id, paymentId, type) == 0) {
                return;
            }
            int amount = event.path("amount").asInt(-1);
            if (type.equals("checkout.paid") && paymentId != null) {
                int paid = jdbc.update("""
                        update booking_payment set state = 'paid', paid_at = now(), changed_at = now()
                        where id = ? and state = 'pending' and amount_yen = ?""", paymentId, amount);
                if (paid == 0 && paidAtTheCounter(paymentId)) {
                    provider.refund(checkout, amount);
                    log.warn("booking payment {} was paid at the counter; checkout {} paid it again and was refunded", paymentId, checkout);
                } else if (paid == 0) {
                    log.warn("payment notification {} for checkout {} did not match a pending payment of its amount", id, checkout);
                }
            } else if (type.equals("checkout.paid")) {
                extras.paidOnline(checkout, amount);
            }
        });
    }

    /**
     * Settles the payment of a booking being cancelled, in the cancelling transaction: a pending
     * payment is cancelled; a paid one is refunded less the cancellation fee, online through the
     * provider. What remains owed (the fee kept) is the payment's amount less the refund.
     */
    void settleCancellation(long bookingId, LocalDate bookingDay) {
        Optional<Payment> found = of(bookingId);
        if (found.isEmpty()) {
            return;
        }
        Payment payment = found.get();
        if (payment.state() == PaymentState.PENDING) {
            jdbc.update("update booking_payment set state = 'cancelled', changed_at = now() where id = ?", payment.id());
            return;
        }
        if (payment.state() != PaymentState.PAID) {
            return;
        }
        int refund = payment.amountYen() - cancellationFee(payment.amountYen(), bookingDay);
        if (refund == 0) {
            return;
        }
        jdbc.update("update booking_payment set state = ?, refunded_yen = ?, changed_at = now() where id = ?",
                refund == payment.amountYen() ? "refunded" : "partially-refunded", refund, payment.id());
        if ("online".equals(payment.method())) {
            provider.refund(jdbc.queryForObject("select checkout_ref from booking_payment where id = ?", String.class, payment.id()), refund);
        }
    }

    private boolean paidAtTheCounter(long paymentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select state = 'paid' and method = 'counter' from booking_payment where id = ?", Boolean.class, paymentId));
    }

    /** The cancellation fee (キャンセル料) of a fee when cancelling today for a booking on that day. */
    public int cancellationFee(int feeYen, LocalDate bookingDay) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(clock.instant(), properties.zone()), bookingDay);
        Integer percent = jdbc.query("select percent from booking_cancellation_fee where days_before <= ? order by days_before desc limit 1",
                (rs, n) -> rs.getInt(1), days).stream().findFirst().orElse(0);
        return feeYen * percent / 100;
    }

    /** Expires payments unpaid by their deadline and releases their bookings; how many. */
    public int expireUnpaid() {
        return transactions.execute(status -> {
            int expired = jdbc.update("""
                    with lapsed as (
                        update booking_payment set state = 'expired', changed_at = now()
                        where state = 'pending' and due_at <= now() returning booking_id)
                    update booking b set state = 'expired', changed_at = now()
                    from lapsed where b.id = lapsed.booking_id and b.state in ('applied', 'confirmed')""");
            return expired;
        });
    }

    static String reference(long paymentId) {
        return "booking-payment-" + paymentId;
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getLong("id"), rs.getLong("booking_id"), PaymentState.fromId(rs.getString("state")),
                rs.getString("method"), rs.getInt("amount_yen"), rs.getInt("refunded_yen"), rs.getTimestamp("due_at").toInstant(),
                rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant());
    }
}
