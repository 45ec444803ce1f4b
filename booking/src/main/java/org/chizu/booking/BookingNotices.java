package org.chizu.booking;

import java.time.Instant;
import java.util.List;

import org.chizu.platform.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What residents are told about their bookings by staff's actions (table {@code booking_notice}):
 * a refusal with its reason, a cancellation for official use, a move. The resident reads them on
 * their bookings page; a notice is written in the transaction of the action it tells of.
 */
@Repository
public class BookingNotices {

    /** How many notices a resident's page shows, newest first. */
    static final int SHOWN = 20;

    private final JdbcTemplate jdbc;

    public BookingNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Notice(long bookingId, Label message, Instant at) {
    }

    void tell(Booking booking, Label message) {
        jdbc.update("insert into booking_notice (account_id, booking_id, message_ja, message_en) values (?, ?, ?, ?)",
                booking.accountId(), booking.id(), message.ja(), message.en());
    }

    /** The account's latest notices, newest first. */
    public List<Notice> of(long accountId) {
        return jdbc.query("""
                select booking_id, message_ja, message_en, created_at from booking_notice
                where account_id = ? order by created_at desc, id desc limit ?""",
                (rs, n) -> new Notice(rs.getLong("booking_id"), new Label(rs.getString("message_ja"), rs.getString("message_en")),
                        rs.getTimestamp("created_at").toInstant()), accountId, SHOWN);
    }
}
