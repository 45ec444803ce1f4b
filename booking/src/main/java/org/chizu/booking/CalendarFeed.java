package org.chizu.booking;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A unit's bookings as an iCalendar feed (RFC 5545) that a calendar app subscribes to: one busy
 * event per applied or confirmed booking from 30 days ago on, without who booked. Applied bookings
 * are tentative until staff approve them. ical4j builds and writes the calendar; its lines are then
 * folded by octets (ical4j folds by characters, which Japanese text would take past 75 octets).
 */
@Service
public class CalendarFeed {

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
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Chizu//Facility booking//JA"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", unit.facility().name() + " " + unit.name().ja() + " (" + unit.name().en() + ")"));
        calendar.add(new XProperty("X-WR-TIMEZONE", properties.zone().getId()));
        String location = unit.facility().name() + (unit.facility().address() == null ? "" : ", " + unit.facility().address());
        for (Busy booking : busy) {
            boolean tentative = booking.state().equals("applied");
            VEvent event = new VEvent(booking.start(), booking.end(), tentative ? "申請中 (Applied for)" : "予約済み (Booked)");
            event.replace(new DtStamp(now));
            event.add(new Uid("booking-" + booking.id() + "@chizu"));
            event.add(new Location(location));
            event.add(tentative ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
            event.add(ImmutableTransp.OPAQUE);
            calendar.add(event);
        }
        return folded(calendar);
    }

    /**
     * ical4j's lines, unfolded, then folded before 75 octets and never inside a UTF-8 character (RFC 5545 §3.1):
     * how any module writes a calendar with Japanese text.
     */
    public static String folded(Calendar calendar) {
        StringWriter unfolded = new StringWriter();
        try {
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, unfolded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("validation is off", e);
        }
        StringBuilder ics = new StringBuilder();
        for (String content : unfolded.toString().split("\r\n")) {
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
        return ics.toString();
    }
}
