package org.chizu.booking;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time door PINs (table {@code booking_door_pin}) for bookings of units with a smart lock: a
 * random six-digit PIN valid from the booking's start less the margin to its end plus the margin,
 * granted at the lock provider once the booking is confirmed and paid (or free) and starts within
 * {@link LockProperties#issueAhead()}; the resident gets it by e-mail ({@link DoorPinMail}, queued in
 * the issuing transaction) and reads it with their booking. A PIN whose booking is no longer confirmed
 * is revoked at the provider and no longer shown.
 */
@Service
public class DoorPins {

    private static final Logger log = LoggerFactory.getLogger(DoorPins.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LockProvider locks;
    private final DoorPinMail mail;
    private final LockProperties properties;
    private final BookingProperties booking;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public DoorPins(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LockProvider locks, DoorPinMail mail,
                    LockProperties properties, BookingProperties booking) {
        this(jdbc, transactionManager, locks, mail, properties, booking, Clock.systemUTC());
    }

    DoorPins(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LockProvider locks, DoorPinMail mail,
             LockProperties properties, BookingProperties booking, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.locks = locks;
        this.mail = mail;
        this.properties = properties;
        this.booking = booking;
        this.clock = clock;
    }

    /** A booking's PIN and when it opens the door, in the town's time. */
    public record DoorPin(long bookingId, String pin, OffsetDateTime validFrom, OffsetDateTime validUntil) {
    }

    private record Due(long bookingId, long accountId, String device, Instant start, Instant end) {
    }

    private static final String LIVE = """
            select d.booking_id, d.pin, d.valid_from, d.valid_until from booking_door_pin d join booking b on b.id = d.booking_id
            where b.account_id = ? and b.state = 'confirmed' and d.revoked_at is null""";

    /** The account's PIN for its booking, once issued and while the booking stays confirmed. */
    public Optional<DoorPin> of(long bookingId, long accountId) {
        return jdbc.query(LIVE + " and d.booking_id = ?", this::pin, accountId, bookingId).stream().findFirst();
    }

    /** The account's PINs that still open a door (or will), soonest first. */
    public List<DoorPin> ofAccount(long accountId) {
        return jdbc.query(LIVE + " and d.valid_until > ? order by d.valid_from", this::pin, accountId, Timestamp.from(clock.instant()));
    }

    private DoorPin pin(ResultSet rs, int n) throws SQLException {
        return new DoorPin(rs.getLong("booking_id"), rs.getString("pin"), local(rs.getTimestamp("valid_from").toInstant()),
                local(rs.getTimestamp("valid_until").toInstant()));
    }

    /** Issues the PINs now due; how many. A provider failure leaves the booking for the next round. */
    public int issueDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query("""
                select b.id, b.account_id, u.lock_device, lower(b.period) as starts, upper(b.period) as ends
                from booking b
                join booking_unit u on u.id = b.unit_id and u.lock_device is not null
                left join booking_payment p on p.booking_id = b.id
                where b.state = 'confirmed' and (p.id is null or p.state = 'paid')
                  and lower(b.period) <= ? and upper(b.period) > ?
                  and not exists (select 1 from booking_door_pin d where d.booking_id = b.id)
                order by lower(b.period)""",
                (rs, n) -> new Due(rs.getLong("id"), rs.getLong("account_id"), rs.getString("lock_device"), rs.getTimestamp("starts").toInstant(),
                        rs.getTimestamp("ends").toInstant()),
                Timestamp.from(now.plus(properties.issueAhead())), Timestamp.from(now));
        int issued = 0;
        for (Due booking : due) {
            try {
                issue(booking);
                issued++;
            } catch (RuntimeException e) {
                log.warn("door PIN for booking {} not issued, to be tried again: {}", booking.bookingId(), e.getMessage());
            }
        }
        return issued;
    }

    /** Revokes at the provider the PINs of bookings cancelled or released; how many. */
    public int revokeReleased() {
        record Granted(long bookingId, String access) {
        }
        List<Granted> released = jdbc.query("""
                select d.booking_id, d.access_ref from booking_door_pin d join booking b on b.id = d.booking_id
                where d.revoked_at is null and b.state <> 'confirmed'""",
                (rs, n) -> new Granted(rs.getLong(1), rs.getString(2)));
        int revoked = 0;
        for (Granted pin : released) {
            try {
                locks.revoke(pin.access());
                jdbc.update("update booking_door_pin set revoked_at = now() where booking_id = ?", pin.bookingId());
                revoked++;
            } catch (RuntimeException e) {
                log.warn("door PIN of booking {} not revoked, to be tried again: {}", pin.bookingId(), e.getMessage());
            }
        }
        return revoked;
    }

    private void issue(Due booking) {
        String pin = "%06d".formatted(random.nextInt(1_000_000));
        Instant from = booking.start().minus(properties.margin());
        Instant until = booking.end().plus(properties.margin());
        String access = locks.grant(booking.device(), pin, from, until, "予約 booking " + booking.bookingId());
        // The grant is undone at the lock unless this booking's PIN (and its e-mail) committed.
        boolean inserted = false;
        try {
            inserted = Boolean.TRUE.equals(transactions.execute(status -> {
                if (jdbc.update("""
                        insert into booking_door_pin (booking_id, pin, valid_from, valid_until, access_ref) values (?, ?, ?, ?, ?)
                        on conflict (booking_id) do nothing""", booking.bookingId(), pin, Timestamp.from(from), Timestamp.from(until),
                        access) == 0) {
                    return false;
                }
                mail.queue(booking.accountId(), new DoorPin(booking.bookingId(), pin, local(from), local(until)));
                return true;
            }));
        } finally {
            if (!inserted) {
                locks.revoke(access);
            }
        }
    }

    private OffsetDateTime local(Instant time) {
        return time.atZone(booking.zone()).toOffsetDateTime();
    }
}
