package org.chizu.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.chizu.platform.Label;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Holds, confirms, approves and cancels bookings. The application never checks whether a time is
 * free before writing: it writes, and the exclusion constraint {@code booking_no_overlap} refuses a
 * second live booking of an overlapping period (SQLState 23P01), which becomes 409 "taken". However
 * many residents ask for one slot at once, one gets it.
 * <p>
 * A hold lapses {@link BookingProperties#holdFor()} after it was made. A lapsed hold still in the
 * table as {@code held} is released by the next hold of an overlapping period on that unit (in the
 * same transaction, before its insert) and by {@link HoldSweeper} every minute; availability already
 * counts it free. Expiry is not part of the constraint itself because an exclusion constraint's
 * predicate must be immutable, and {@code now()} is not.
 */
@Service
public class Bookings {

    private static final String SELECT = """
            select b.id, b.unit_id, u.name_ja, u.name_en, f.name as facility_name, b.account_id,
                   lower(b.period) as starts, upper(b.period) as ends,
                   case when b.state = 'held' and b.held_until <= now() then 'expired' else b.state end as state,
                   case when b.held_until > now() then b.held_until end as held_until,
                   b.organisation_id, b.fee_yen, b.quote
            from booking b join booking_unit u on u.id = b.unit_id join facilities f on f.id = u.facility_id
            """;
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final int DEADLOCK_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BookableUnits units;
    private final BookingRules rules;
    private final BookingProperties properties;
    private final BookingUsers users;
    private final Fees fees;
    private final Payments payments;
    private final LotteryCalendar lotteries;
    private final BookingGroups groups;
    private final ReductionRequests reductions;
    private final Clock clock;

    @Autowired
    public Bookings(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BookableUnits units,
                    BookingRules rules, BookingProperties properties, BookingUsers users, Fees fees, Payments payments,
                    LotteryCalendar lotteries, BookingGroups groups, ReductionRequests reductions) {
        this(jdbc, transactionManager, units, rules, properties, users, fees, payments, lotteries, groups, reductions, Clock.systemUTC());
    }

    Bookings(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BookableUnits units,
             BookingRules rules, BookingProperties properties, BookingUsers users, Fees fees, Payments payments,
             LotteryCalendar lotteries, BookingGroups groups, ReductionRequests reductions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.units = units;
        this.rules = rules;
        this.properties = properties;
        this.users = users;
        this.fees = fees;
        this.payments = payments;
        this.lotteries = lotteries;
        this.groups = groups;
        this.reductions = reductions;
        this.clock = clock;
    }

    /**
     * What a resident asks to hold: a unit for a period, for themselves or an approved group they
     * belong to (the caller checks the membership), with extras and a reduction claimed.
     *
     * @param organisationId the group booked for, or null
     * @param extras         extra codes ("heating", "lighting")
     * @param reduction      a reduction code, or null
     */
    public record SlotRequest(long unitId, Instant start, Instant end, long accountId, Long organisationId,
                              Set<String> extras, String reduction) {

        public SlotRequest {
            extras = extras == null ? Set.of() : Set.copyOf(extras);
        }

        /** A person's own booking, without extras or reduction. */
        public SlotRequest(long unitId, Instant start, Instant end, long accountId) {
            this(unitId, start, end, accountId, null, Set.of(), null);
        }
    }

    /**
     * What the request would cost the account, by the same rules a hold applies.
     *
     * @throws BookingProblem as {@link #hold} would, but never "taken"
     */
    public Quote quote(SlotRequest request) {
        BookableUnit unit = units.find(request.unitId());
        FeeClass feeClass = users.feeClass(request.accountId(), unit);
        return checkedQuote(unit, request, feeClass);
    }

    /** What the request costs someone of that fee class, for the public who have not signed in. */
    public Quote quote(SlotRequest request, FeeClass feeClass) {
        return checkedQuote(units.find(request.unitId()), request, feeClass);
    }

    /**
     * Holds a unit from start to end for an account for a few minutes, its fee fixed from the quote.
     *
     * @throws BookingProblem 404 for an unknown unit, 422 for a period the unit's rules refuse (the
     *                        booking window being the account's), 409 "taken" when a live booking overlaps it
     */
    public Booking hold(SlotRequest request) {
        BookableUnit unit = units.find(request.unitId());
        Quote quote = checkedQuote(unit, request, users.feeClass(request.accountId(), unit));
        Instant start = request.start();
        Instant end = request.end();
        for (int attempt = 1; ; attempt++) {
            try {
                Long id = transactions.execute(status -> {
                    jdbc.update("""
                            update booking set state = 'expired', held_until = null, changed_at = now()
                            where unit_id = ? and state = 'held' and held_until <= now()
                              and period && tstzrange(?, ?)""", unit.id(), timestamp(start), timestamp(end));
                    long held = jdbc.queryForObject("""
                            insert into booking (unit_id, account_id, period, state, held_until, organisation_id, fee_class, fee_yen, quote)
                            values (?, ?, tstzrange(?, ?), 'held', now() + make_interval(secs => ?), ?, ?, ?, cast(? as jsonb))
                            returning id""", Long.class, unit.id(), request.accountId(), timestamp(start), timestamp(end),
                            properties.holdFor().toSeconds(), request.organisationId(), quote.feeClass().id(), quote.totalYen(),
                            BookingJson.write(quote));
                    reductions.requestIfPending(held, quote);
                    return held;
                });
                return find(id).orElseThrow();
            } catch (DataIntegrityViolationException e) {
                if (isExclusionViolation(e)) {
                    throw BookingProblem.taken(unit.id());
                }
                throw e;
            } catch (PessimisticLockingFailureException e) {
                // Concurrent inserts of overlapping periods each check the exclusion constraint against the
                // other's uncommitted row and may wait on each other; PostgreSQL then aborts one (40P01).
                // Run again, it meets the other's row decided: taken, or free if that one rolled back.
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** {@link #hold(SlotRequest)} of a person's own booking without extras. */
    public Booking hold(long unitId, Instant start, Instant end, long accountId) {
        return hold(new SlotRequest(unitId, start, end, accountId));
    }

    private Quote checkedQuote(BookableUnit unit, SlotRequest request, FeeClass feeClass) {
        rules.check(unit, request.start(), request.end(), feeClass, clock.instant());
        if (unit.byLottery()) {
            lotteries.checkOpenToAll(unit, request.start());
        }
        GroupStanding standing = groups.of(request, unit.groupsOnly() || request.reduction() != null && !request.reduction().isBlank());
        if (unit.groupsOnly()) {
            standing.requireGroup(BookingProblem.forGroupsOnly(unit.id()));
        }
        return fees.quote(unit, request.start(), request.end(), feeClass, request.extras(), request.reduction(), standing);
    }

    /**
     * Confirms the account's hold before it lapses: booked, or applied for where the unit needs
     * staff's approval. Confirming again answers the booking as it is.
     *
     * @throws BookingProblem 404 when the account has no such booking, 409 when the hold lapsed
     *                        or the booking was cancelled
     */
    public Booking confirm(long bookingId, long accountId) {
        int changed = transactions.execute(status -> {
            int updated = jdbc.update("""
                update booking b
                set state = case when u.needs_approval then 'applied' else 'confirmed' end,
                    held_until = null, changed_at = now()
                from booking_unit u
                where b.id = ? and b.account_id = ? and u.id = b.unit_id and b.state = 'held' and b.held_until > now()""",
                    bookingId, accountId);
            payments.open(bookingId);
            return updated;
        });
        Booking booking = owned(bookingId, accountId);
        if (changed == 1 || booking.state() == BookingState.APPLIED || booking.state() == BookingState.CONFIRMED) {
            return booking;
        }
        if (booking.state() == BookingState.HELD || booking.state() == BookingState.EXPIRED) {
            throw BookingProblem.holdExpired(bookingId);
        }
        throw BookingProblem.wrongState(bookingId, booking.state(), "confirmed");
    }

    /**
     * Staff approve an application: it becomes a confirmed booking.
     *
     * @throws BookingProblem 404 for an unknown booking, 409 when it is not applied for
     */
    public Booking approve(long bookingId) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("update booking set state = 'confirmed', changed_at = now() where id = ? and state = 'applied'", bookingId);
            payments.open(bookingId);
        });
        Booking booking = find(bookingId).orElseThrow(() -> BookingProblem.unknownBooking(bookingId));
        if (booking.state() != BookingState.CONFIRMED) {
            throw BookingProblem.wrongState(bookingId, booking.state(), "approved");
        }
        return booking;
    }

    /**
     * Cancels a booking that has not started: its owner's, or anyone's for staff (who refuse an
     * application this way). A paid booking is refunded by the cancellation rules, an unpaid one
     * owes nothing. Cancelling again answers the booking as it is.
     *
     * @param accountId the owner asking, or null for staff
     * @throws BookingProblem 404 when there is no such booking (of the owner's), 409 once it has started
     */
    public Booking cancel(long bookingId, Long accountId) {
        Booking booking = accountId == null
                ? find(bookingId).orElseThrow(() -> BookingProblem.unknownBooking(bookingId))
                : owned(bookingId, accountId);
        if (booking.state() == BookingState.CANCELLED || booking.state() == BookingState.EXPIRED) {
            return booking;
        }
        if (!booking.start().toInstant().isAfter(clock.instant())) {
            throw BookingProblem.alreadyStarted(bookingId);
        }
        transactions.executeWithoutResult(status -> {
            if (jdbc.update("""
                    update booking set state = 'cancelled', held_until = null, changed_at = now()
                    where id = ? and state in ('held', 'applied', 'confirmed')""", bookingId) == 1) {
                payments.settleCancellation(bookingId, booking.start().toLocalDate());
            }
        });
        return find(bookingId).orElseThrow();
    }

    /** The account's bookings, soonest first; a hold that has lapsed shows as expired. */
    public List<Booking> of(long accountId) {
        return jdbc.query(SELECT + " where b.account_id = ? order by lower(b.period), b.id", this::booking, accountId);
    }

    /** The applications waiting for staff's approval, soonest first. */
    public List<Booking> applications() {
        return jdbc.query(SELECT + " where b.state = 'applied' order by lower(b.period), b.id", this::booking);
    }

    /**
     * Residents' confirmed bookings that ended by then and whose use is not confirmed yet (利用後内容確定
     * pending), earliest first; official-use blocks are the town's own and left out.
     */
    public List<Booking> endedUnconfirmed(Instant by) {
        return jdbc.query(SELECT + """
                where b.state = 'confirmed' and upper(b.period) <= ?
                  and not exists (select 1 from booking_after_use a where a.booking_id = b.id)
                  and not exists (select 1 from booking_official_use o where o.booking_id = b.id)
                order by upper(b.period), b.id""", this::booking, timestamp(by));
    }

    /** Marks lapsed holds expired; how many. */
    public int expireLapsedHolds() {
        return jdbc.update("""
                update booking set state = 'expired', held_until = null, changed_at = now()
                where state = 'held' and held_until <= now()""");
    }

    private Booking owned(long bookingId, long accountId) {
        return find(bookingId).filter(booking -> booking.accountId() == accountId)
                .orElseThrow(() -> BookingProblem.unknownBooking(bookingId));
    }

    /** The booking with this id, whoever's it is. */
    public Optional<Booking> find(long bookingId) {
        return jdbc.query(SELECT + " where b.id = ?", this::booking, bookingId).stream().findFirst();
    }

    private Booking booking(ResultSet rs, int n) throws SQLException {
        OffsetDateTime heldUntil = rs.getObject("held_until", OffsetDateTime.class);
        return new Booking(rs.getLong("id"), rs.getLong("unit_id"), new Label(rs.getString("name_ja"), rs.getString("name_en")),
                rs.getString("facility_name"), rs.getLong("account_id"), local(rs.getObject("starts", OffsetDateTime.class)),
                local(rs.getObject("ends", OffsetDateTime.class)), BookingState.fromId(rs.getString("state")),
                heldUntil == null ? null : heldUntil.toInstant(), (Long) rs.getObject("organisation_id"), rs.getInt("fee_yen"),
                BookingJson.read(rs.getString("quote"), Quote.class), payments.of(rs.getLong("id")).orElse(null));
    }



    private OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(properties.zone()).toOffsetDateTime();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Whether the database refused a write because a live booking overlaps (SQLState 23P01). */
    static boolean isExclusionViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
