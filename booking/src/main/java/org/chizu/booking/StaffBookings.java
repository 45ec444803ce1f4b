package org.chizu.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.chizu.accounts.Identity;
import org.chizu.platform.Label;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What staff do to residents' bookings besides approving them: refuse an application with a reason,
 * block a unit for the town's own use (公用), which cancels the bookings in the way and lists them,
 * and move a displaced booking to another time for its owner. Each is one transaction, and each
 * tells the resident concerned through {@link BookingNotices}.
 */
@Service
public class StaffBookings {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Bookings bookings;
    private final BookableUnits units;
    private final BookingNotices notices;

    public StaffBookings(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Bookings bookings,
                         BookableUnits units, BookingNotices notices) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.bookings = bookings;
        this.units = units;
        this.notices = notices;
    }

    /**
     * An official-use block and the residents' bookings it cancelled.
     *
     * @param displaced the cancelled bookings, each still to be moved by staff
     */
    public record Block(Booking booking, String purpose, List<Booking> displaced) {
    }

    /** A booking that an official-use block cancelled, with the block's purpose. */
    public record Displaced(Booking booking, long blockId, String purpose) {
    }

    /**
     * Refuses an application: it is cancelled, the reason kept and the resident told.
     *
     * @throws BookingProblem 404 for an unknown booking, 409 when it is not an application
     */
    public Booking refuse(long bookingId, String reason, Identity staff) {
        if (reason == null || reason.isBlank()) {
            throw BookingProblem.missing("reason");
        }
        return transactions.execute(status -> {
            Booking booking = bookings.find(bookingId).orElseThrow(() -> BookingProblem.unknownBooking(bookingId));
            if (booking.state() != BookingState.APPLIED) {
                throw BookingProblem.wrongState(bookingId, booking.state(), "refused");
            }
            jdbc.update("insert into booking_refusal (booking_id, reason, refused_by) values (?, ?, ?)",
                    bookingId, reason.strip(), staff.name());
            Booking refused = bookings.cancel(bookingId, null);
            notices.tell(refused, new Label(
                    "申請は承認されませんでした。理由: " + reason.strip(),
                    "Your application was not approved. Reason: " + reason.strip()));
            return refused;
        });
    }

    /**
     * Takes a unit from start to end for the town's own use: every live booking that overlaps is
     * cancelled and its owner told, and the block is a confirmed booking of the staff member's.
     * Unlike a resident's booking it may be at any time the unit exists, however far ahead.
     *
     * @throws BookingProblem 404 for an unknown unit, 422 when it ends before it starts, 409 when
     *                        someone held the time in the same instant (try again)
     */
    public Block blockForOfficialUse(long unitId, Instant start, Instant end, String purpose, Identity staff) {
        units.find(unitId);
        if (purpose == null || purpose.isBlank()) {
            throw BookingProblem.missing("purpose");
        }
        if (!end.isAfter(start)) {
            throw BookingProblem.endsBeforeItStarts(unitId);
        }
        try {
            return transactions.execute(status -> {
                List<Long> cancelled = jdbc.queryForList("""
                        update booking set state = 'cancelled', held_until = null, changed_at = now()
                        where unit_id = ? and state in ('held', 'applied', 'confirmed') and period && tstzrange(?, ?)
                        returning id""", Long.class, unitId, utc(start), utc(end));
                Long blockId = jdbc.queryForObject("""
                        insert into booking (unit_id, account_id, period, state)
                        values (?, ?, tstzrange(?, ?), 'confirmed') returning id""",
                        Long.class, unitId, staff.id(), utc(start), utc(end));
                jdbc.update("insert into booking_official_use (booking_id, purpose, created_by) values (?, ?, ?)",
                        blockId, purpose.strip(), staff.name());
                for (long id : cancelled) {
                    jdbc.update("insert into booking_displaced (booking_id, block_id) values (?, ?)", id, blockId);
                    notices.tell(bookings.find(id).orElseThrow(), new Label(
                            "公用（" + purpose.strip() + "）のため、この予約は取り消されました。職員から別の日時のご案内をします。",
                            "This booking was cancelled for the town's own use (" + purpose.strip()
                                    + "). Staff will offer you another time."));
                }
                return new Block(bookings.find(blockId).orElseThrow(), purpose.strip(),
                        cancelled.stream().map(id -> bookings.find(id).orElseThrow()).toList());
            });
        } catch (DataIntegrityViolationException e) {
            if (Bookings.isExclusionViolation(e)) {
                throw BookingProblem.taken(unitId);
            }
            throw e;
        }
    }

    /** The displaced bookings that staff have not moved yet, soonest first. */
    public List<Displaced> displaced() {
        return jdbc.query("""
                select d.booking_id, d.block_id, o.purpose from booking_displaced d
                join booking_official_use o on o.booking_id = d.block_id
                join booking b on b.id = d.booking_id
                where d.moved_to is null order by lower(b.period), b.id""",
                (rs, n) -> new Displaced(bookings.find(rs.getLong("booking_id")).orElseThrow(), rs.getLong("block_id"),
                        rs.getString("purpose")));
    }

    /**
     * Books another time for the owner of a displaced booking, as they would (the unit's rules apply
     * and the database refuses a taken time), confirmed at once since the town moved them.
     *
     * @throws BookingProblem 404 when the booking is not displaced or already moved; as
     *                        {@link Bookings#hold} for the new time
     */
    public Booking move(long displacedId, Instant start, Instant end, Identity staff) {
        return transactions.execute(status -> {
            List<Long> open = jdbc.queryForList("""
                    select booking_id from booking_displaced where booking_id = ? and moved_to is null for update""",
                    Long.class, displacedId);
            if (open.isEmpty()) {
                throw BookingProblem.notDisplaced(displacedId);
            }
            Booking original = bookings.find(displacedId).orElseThrow();
            Booking held = bookings.hold(original.unitId(), start, end, original.accountId());
            Booking moved = bookings.confirm(held.id(), original.accountId());
            if (moved.state() == BookingState.APPLIED) {
                moved = bookings.approve(moved.id());
            }
            jdbc.update("insert into booking_by_staff (booking_id, made_by) values (?, ?)", moved.id(), staff.name());
            jdbc.update("update booking_displaced set moved_to = ? where booking_id = ?", moved.id(), displacedId);
            notices.tell(moved, new Label(
                    "公用で取り消された予約の代わりに、この日時で予約しました。",
                    "In place of your booking cancelled for the town's use, you are booked at this time."));
            return moved;
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
