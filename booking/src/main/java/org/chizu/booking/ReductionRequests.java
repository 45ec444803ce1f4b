package org.chizu.booking;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reductions (減免) waiting for staff (table {@code booking_reduction_request}): a booking whose
 * quote carries a reduction the rules mark {@code needs_approval} gets a request in the transaction
 * that creates it.
 */
@Repository
class ReductionRequests {

    private final JdbcTemplate jdbc;

    ReductionRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks staff to decide on the booking's reduction when its quote says it is pending. */
    void requestIfPending(long bookingId, Quote quote) {
        if (quote.reductionPending()) {
            jdbc.update("insert into booking_reduction_request (booking_id, code) values (?, ?)", bookingId, quote.reduction().code());
        }
    }

    /** The live bookings whose reduction waits, longest waiting first. */
    List<Long> pending() {
        return jdbc.queryForList("""
                select r.booking_id from booking_reduction_request r join booking b on b.id = r.booking_id
                where r.state = 'pending' and b.state in ('held', 'applied', 'confirmed')
                order by r.requested_at, r.booking_id""", Long.class);
    }

    /**
     * Records staff's decision on a pending request.
     *
     * @return whether the request was pending (and is now decided)
     */
    boolean decide(long bookingId, String decision, String reason, String staff) {
        return jdbc.update("""
                update booking_reduction_request set state = ?, reason = ?, decided_by = ?, decided_at = now()
                where booking_id = ? and state = 'pending'""", decision, reason, staff, bookingId) == 1;
    }
}
