package org.chizu.booking;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 利用後内容確定: once a confirmed booking has ended, its owner or staff confirm how many people came
 * and which extras were actually used, or staff record that nobody came (無断キャンセル). The fee is
 * recomputed by {@link Fees} with the booking's fee class and reduction; what it exceeds the fee fixed
 * at booking is owed on top and paid at the counter. Each booking is confirmed once (table
 * {@code booking_after_use}, one insert: a second confirmation in the same instant finds it taken).
 */
@Service
public class AfterUse {

    /**
     * What a booking used, as confirmed.
     *
     * @param headcount    people who came; null for a no-show
     * @param extras       the extras actually used
     * @param bookedFeeYen the fee fixed at booking
     * @param finalFeeYen  the fee by the rules for what was used
     * @param extraYen     owed on top of the booked fee (never negative: using less is not refunded)
     * @param extraPaidAt  when the extra was paid, or null
     * @param extraMethod  "counter" or "online" once paid (or while a checkout is open online); else null
     * @param confirmedBy  "owner", or the staff member's name
     */
    public record Confirmed(long bookingId, boolean noShow, Integer headcount, Set<String> extras, int bookedFeeYen,
                            int finalFeeYen, int extraYen, Instant extraPaidAt, Quote quote, String confirmedBy,
                            Instant confirmedAt, String extraMethod) {
    }

    /** Who confirms: the owner, or staff by name. */
    public static final String OWNER = "owner";

    private static final String SELECT = """
            select a.booking_id, a.no_show, a.headcount, a.extras, b.fee_yen, a.final_fee_yen, a.extra_yen, a.extra_paid_at,
                   a.quote, a.confirmed_by, a.confirmed_at, a.extra_method
            from booking_after_use a join booking b on b.id = a.booking_id""";

    private final JdbcTemplate jdbc;
    private final Bookings bookings;
    private final BookableUnits units;
    private final BookingUsers users;
    private final Fees fees;
    private final Clock clock;

    @Autowired
    public AfterUse(JdbcTemplate jdbc, Bookings bookings, BookableUnits units, BookingUsers users, Fees fees) {
        this(jdbc, bookings, units, users, fees, Clock.systemUTC());
    }

    AfterUse(JdbcTemplate jdbc, Bookings bookings, BookableUnits units, BookingUsers users, Fees fees, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.units = units;
        this.users = users;
        this.fees = fees;
        this.clock = clock;
    }

    /** What the booking used, once confirmed. */
    public Optional<Confirmed> of(long bookingId) {
        return jdbc.query(SELECT + " where a.booking_id = ?", AfterUse::confirmed, bookingId).stream().findFirst();
    }

    /** The account's bookings as confirmed after use, latest first. */
    public List<Confirmed> ofAccount(long accountId) {
        return jdbc.query(SELECT + " where b.account_id = ? order by lower(b.period) desc", AfterUse::confirmed, accountId);
    }

    /** Residents' bookings that have ended and wait for their use to be confirmed, earliest first. */
    public List<Booking> awaiting() {
        return bookings.endedUnconfirmed(clock.instant());
    }

    /**
     * Confirms the headcount and the extras used, and what that costs.
     *
     * @param ownerId the owner confirming their own booking, or null for staff
     * @param by      {@link #OWNER} or the staff member's name
     * @throws BookingProblem 404 for no such booking (of the owner's), 400 for a missing or non-positive
     *                        headcount, 422 for one over capacity or an extra the unit lacks, 409 when the
     *                        booking is not confirmed, has not ended or was confirmed already
     */
    public Confirmed confirm(long bookingId, Long ownerId, Integer headcount, Set<String> extras, String by) {
        Booking booking = ended(bookingId, ownerId);
        if (headcount == null) {
            throw BookingProblem.missing("headcount");
        }
        if (headcount < 1) {
            throw BookingProblem.invalid("headcount", headcount, "1 or more people");
        }
        BookableUnit unit = units.find(booking.unitId());
        if (headcount > unit.capacity()) {
            throw BookingProblem.overCapacity(unit, headcount);
        }
        Set<String> used = new TreeSet<>(extras == null ? Set.of() : extras);
        Quote booked = booking.quote();
        Quote quote = fees.quote(unit, booking.start().toInstant(), booking.end().toInstant(),
                booked == null ? users.feeClass(booking.accountId(), unit) : booked.feeClass(), used,
                booked == null || booked.reduction() == null ? null : booked.reduction().code(), booking.organisationId() != null);
        int extra = Math.max(0, quote.totalYen() - booking.feeYen());
        record(bookingId, jdbc.update("""
                insert into booking_after_use (booking_id, no_show, headcount, extras, final_fee_yen, extra_yen, quote, confirmed_by)
                values (?, false, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (booking_id) do nothing""",
                bookingId, headcount, used.toArray(String[]::new), quote.totalYen(), extra, BookingJson.write(quote), by));
        return of(bookingId).orElseThrow();
    }

    /**
     * Staff record that nobody came: counted as a no-show, the booked fee stands.
     *
     * @throws BookingProblem 404 for an unknown booking, 409 as {@link #confirm} would
     */
    public Confirmed noShow(long bookingId, String by) {
        Booking booking = ended(bookingId, null);
        record(bookingId, jdbc.update("""
                insert into booking_after_use (booking_id, no_show, final_fee_yen, confirmed_by)
                values (?, true, ?, ?) on conflict (booking_id) do nothing""", bookingId, booking.feeYen(), by));
        return of(bookingId).orElseThrow();
    }

    /**
     * Staff took the extra at the counter (an online checkout still open is then refunded if paid).
     *
     * @throws BookingProblem 404 when nothing extra is owed, 409 when it was paid already
     */
    public Confirmed payExtraAtCounter(long bookingId) {
        Confirmed confirmed = of(bookingId).filter(found -> found.extraYen() > 0)
                .orElseThrow(() -> BookingProblem.nothingToPay(bookingId));
        if (jdbc.update("update booking_after_use set extra_paid_at = now(), extra_method = 'counter' where booking_id = ? and extra_paid_at is null",
                bookingId) == 0) {
            throw BookingProblem.paymentState(bookingId, PaymentState.PAID, "paid at the counter");
        }
        return of(confirmed.bookingId()).orElseThrow();
    }

    private Booking ended(long bookingId, Long ownerId) {
        Booking booking = bookings.find(bookingId).filter(found -> ownerId == null || found.accountId() == ownerId)
                .orElseThrow(() -> BookingProblem.unknownBooking(bookingId));
        if (of(bookingId).isPresent()) {
            throw BookingProblem.afterUseConfirmed(bookingId);
        }
        if (booking.state() != BookingState.CONFIRMED) {
            throw BookingProblem.wrongState(bookingId, booking.state(), "confirmed after use");
        }
        if (booking.end().toInstant().isAfter(clock.instant())) {
            throw BookingProblem.notEnded(bookingId, booking.end());
        }
        return booking;
    }

    private static void record(long bookingId, int inserted) {
        if (inserted == 0) {
            throw BookingProblem.afterUseConfirmed(bookingId);
        }
    }

    private static Confirmed confirmed(ResultSet rs, int n) throws SQLException {
        Array extras = rs.getArray("extras");
        return new Confirmed(rs.getLong("booking_id"), rs.getBoolean("no_show"), (Integer) rs.getObject("headcount"),
                new TreeSet<>(List.of((String[]) extras.getArray())), rs.getInt("fee_yen"), rs.getInt("final_fee_yen"),
                rs.getInt("extra_yen"), rs.getTimestamp("extra_paid_at") == null ? null : rs.getTimestamp("extra_paid_at").toInstant(),
                BookingJson.read(rs.getString("quote"), Quote.class), rs.getString("confirmed_by"),
                rs.getTimestamp("confirmed_at").toInstant(), rs.getString("extra_method"));
    }
}
