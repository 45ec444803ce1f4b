package org.chizu.booking;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A unit's bookings as an iCalendar feed (RFC 5545) that a calendar app subscribes to: one busy
 * event per applied or confirmed booking from 30 days ago on, without who booked. Applied bookings
 * are tentative until staff approve them.
 */
@Service
public class CalendarFeed {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int LINE_OCTETS = 75;

    private final JdbcTemplate jdbc;
    private final BookableUnits units;
    private final BookingProperties properties;

    public CalendarFeed(JdbcTemplate jdbc, BookableUnits units, BookingProperties properties) {
        this.jdbc = jdbc;
        this.units = units;
        this.properties = properties;
    }

    private record Busy(long id, Instant start, Instant end, String state) {
    }

    /**
     * The unit's feed.
     *
     * @throws BookingProblem 404 for an unknown unit
     */
    public String of(long unitId) {
        BookableUnit unit = units.find(unitId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Busy> busy = jdbc.query("""
                select id, lower(period) as starts, upper(period) as ends, state from booking
                where unit_id = ? and state in ('applied', 'confirmed') and upper(period) >= ?
                order by lower(period), id""",
                (rs, n) -> new Busy(rs.getLong("id"), rs.getTimestamp("starts").toInstant(), rs.getTimestamp("ends").toInstant(),
                        rs.getString("state")),
                unitId, Timestamp.from(LocalDate.now(properties.zone()).minusDays(30).atStartOfDay(properties.zone()).toInstant()));
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Chizu//Facility booking//JA");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text(unit.facility().name() + " " + unit.name().ja() + " (" + unit.name().en() + ")"));
        line(ics, "X-WR-TIMEZONE:" + properties.zone().getId());
        for (Busy booking : busy) {
            boolean tentative = booking.state().equals("applied");
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:booking-" + booking.id() + "@chizu");
            line(ics, "DTSTAMP:" + UTC.format(now));
            line(ics, "DTSTART:" + UTC.format(booking.start()));
            line(ics, "DTEND:" + UTC.format(booking.end()));
            line(ics, "SUMMARY:" + text(tentative ? "申請中 (Applied for)" : "予約済み (Booked)"));
            line(ics, "LOCATION:" + text(unit.facility().name() + (unit.facility().address() == null ? "" : ", " + unit.facility().address())));
            line(ics, "STATUS:" + (tentative ? "TENTATIVE" : "CONFIRMED"));
            line(ics, "TRANSP:OPAQUE");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** RFC 5545 §3.1: lines end in CRLF and are folded before 75 octets, never inside a UTF-8 character. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > LINE_OCTETS) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
