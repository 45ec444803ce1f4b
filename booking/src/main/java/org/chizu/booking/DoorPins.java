package org.chizu.booking;

import java.security.SecureRandom;
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

/**
 * One-time door PINs (table {@code booking_door_pin}) for bookings of units with a smart lock: a
 * random six-digit PIN valid from the booking's start less the margin to its end plus the margin,
 * granted at the lock provider once the booking is confirmed and paid (or free) and starts within
 * {@link LockProperties#issueAhead()}; the resident reads it with their booking. A PIN whose booking
 * is no longer confirmed is revoked at the provider.
 */
@Service
public class DoorPins {

    private static final Logger log = LoggerFactory.getLogger(DoorPins.class);

    private final JdbcTemplate jdbc;
    private final LockProvider locks;
    private final LockProperties properties;
    private final BookingProperties booking;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public DoorPins(JdbcTemplate jdbc, LockProvider locks, LockProperties properties, BookingProperties booking) {
        this(jdbc, locks, properties, booking, Clock.systemUTC());
    }

    DoorPins(JdbcTemplate jdbc, LockProvider locks, LockProperties properties, BookingProperties booking, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.properties = properties;
        this.booking = booking;
        this.clock = clock;
    }

    /** A booking's PIN and when it opens the door, in the town's time. */
    public record DoorPin(long bookingId, String pin, OffsetDateTime validFrom, OffsetDateTime validUntil) {
    }

    private record Due(long bookingId, String device, Instant start, Instant end) {
    }

    /** The account's PIN for its booking, once issued and while not revoked. */
    public Optional<DoorPin> of(long bookingId, long accountId) {
        return jdbc.query("""
                select d.booking_id, d.pin, d.valid_from, d.valid_until from booking_door_pin d join booking b on b.id = d.booking_id
                where d.booking_id = ? and b.account_id = ? and d.revoked_at is null""",
                (rs, n) -> new DoorPin(rs.getLong("booking_id"), rs.getString("pin"), local(rs.getTimestamp("valid_from")),
                        local(rs.getTimestamp("valid_until"))), bookingId, accountId).stream().findFirst();
    }

    /** Issues the PINs now due; how many. A provider failure leaves the booking for the next round. */
    public int issueDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query("""
                select b.id, u.lock_device, lower(b.period) as starts, upper(b.period) as ends
                from booking b
                join booking_unit u on u.id = b.unit_id and u.lock_device is not null
                left join booking_payment p on p.booking_id = b.id
                where b.state = 'confirmed' and (p.id is null or p.state = 'paid')
                  and lower(b.period) <= ? and upper(b.period) > ?
                  and not exists (select 1 from booking_door_pin d where d.booking_id = b.id)
                order by lower(b.period)""",
                (rs, n) -> new Due(rs.getLong("id"), rs.getString("lock_device"), rs.getTimestamp("starts").toInstant(),
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
        int inserted = jdbc.update("""
                insert into booking_door_pin (booking_id, pin, valid_from, valid_until, access_ref) values (?, ?, ?, ?, ?)
                on conflict (booking_id) do nothing""", booking.bookingId(), pin, Timestamp.from(from), Timestamp.from(until), access);
        if (inserted == 0) {
            locks.revoke(access);
        }
    }

    private OffsetDateTime local(Timestamp time) {
        return time.toInstant().atZone(booking.zone()).toOffsetDateTime();
    }
}
