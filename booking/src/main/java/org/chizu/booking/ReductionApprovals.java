package org.chizu.booking;

import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.audit.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff's queue of reductions (減免) that need approval. Until staff decide, the booking shows its
 * reduction as pending and owes the full fee, and no payment is opened; approved, the reduction
 * comes off the fixed fee; refused, the full fee stands and the resident is told why. Each decision
 * is written to the audit log and to the resident's notices in its own transaction.
 */
@Service
public class ReductionApprovals {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReductionRequests requests;
    private final Bookings bookings;
    private final Payments payments;
    private final BookingNotices notices;
    private final AuditLog audit;

    public ReductionApprovals(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ReductionRequests requests,
                              Bookings bookings, Payments payments, BookingNotices notices, AuditLog audit) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.requests = requests;
        this.bookings = bookings;
        this.payments = payments;
        this.notices = notices;
        this.audit = audit;
    }

    /** The bookings whose reduction waits for staff, longest waiting first. */
    public List<Booking> pending() {
        return requests.pending().stream().flatMap(id -> bookings.find(id).stream()).toList();
    }

    /** @throws BookingProblem 404 for an unknown booking, 409 when its reduction is not pending */
    public Booking approve(long bookingId, String staff) {
        return decide(bookingId, Quote.Reduction.APPROVED, null, staff);
    }

    /**
     * @throws BookingProblem 400 without a reason, 404 for an unknown booking, 409 when its reduction is not pending
     */
    public Booking refuse(long bookingId, String reason, String staff) {
        if (reason == null || reason.isBlank()) {
            throw BookingProblem.missing("reason");
        }
        return decide(bookingId, Quote.Reduction.REFUSED, reason.strip(), staff);
    }

    private Booking decide(long bookingId, String decision, String reason, String staff) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> BookingProblem.unknownBooking(bookingId));
        transactions.executeWithoutResult(status -> {
            if (!requests.decide(bookingId, decision, reason, staff)) {
                throw BookingProblem.noPendingReduction(bookingId);
            }
            Quote decided = booking.quote().withReductionDecided(decision);
            jdbc.update("update booking set fee_yen = ?, quote = cast(? as jsonb), changed_at = now() where id = ?",
                    decided.totalYen(), BookingJson.write(decided), bookingId);
            payments.open(bookingId);
            Map<String, Object> details = reason == null
                    ? Map.of("reduction", decided.reduction().code(), "feeYen", decided.totalYen())
                    : Map.of("reduction", decided.reduction().code(), "feeYen", decided.totalYen(), "reason", reason);
            audit.record("booking.reduction." + (reason == null ? "approve" : "refuse"), "booking " + bookingId, details);
            notices.tell(booking, message(decided, reason));
        });
        return bookings.find(bookingId).orElseThrow();
    }

    private static Label message(Quote decided, String reason) {
        Label name = decided.reduction().name();
        if (reason == null) {
            return new Label("減免「" + name.ja() + "」が承認されました。使用料は " + decided.totalYen() + " 円です。",
                    "The reduction \"" + name.en() + "\" was approved: the fee is ¥" + decided.totalYen() + ".");
        }
        return new Label("減免「" + name.ja() + "」は承認されませんでした（理由：" + reason + "）。使用料は " + decided.totalYen() + " 円です。",
                "The reduction \"" + name.en() + "\" was refused (" + reason + "): the fee is ¥" + decided.totalYen() + ".");
    }
}
