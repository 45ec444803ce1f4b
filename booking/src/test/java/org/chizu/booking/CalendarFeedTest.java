package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** The feed is read back by ical4j, as calendar apps read it. */
class CalendarFeedTest {

    static BookingTown town;
    static CalendarFeed feed;

    @BeforeAll
    static void bookTheHallAndTheArena() throws Exception {
        town = new BookingTown();
        feed = new CalendarFeed(town.jdbc, town.units, BookingProperties.defaults());
        Bookings bookings = town.bookings;
        bookings.confirm(bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T12:00"), 1).id(), 1);
        bookings.confirm(bookings.hold(ARENA, at("2027-01-09T13:00"), at("2027-01-09T17:00"), 2).id(), 2);
        bookings.hold(HALL, at("2027-01-05T10:00"), at("2027-01-05T11:00"), 3);
        bookings.cancel(bookings.confirm(bookings.hold(HALL, at("2027-01-06T10:00"), at("2027-01-06T11:00"), 4).id(), 4).id(), 4L);
        // A facility name long enough that the calendar's name must be folded, with characters to escape.
        new JdbcTemplate(town.dataSource()).update("update facilities set name = '益田市立高津地区振興センター（高津公民館）第二別館, 北棟; 二階' where id = 1");
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @Test
    void aConfirmedBookingIsABusyEventAndHoldsAndCancellationsAreNot() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.of(HALL)));

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(at("2027-01-04T10:00"));
            assertThat(Instant.from(event.getDateTimeEnd().getDate())).isEqualTo(at("2027-01-04T12:00"));
            assertThat(event.getStatus().getValue()).isEqualTo("CONFIRMED");
            assertThat(event.getSummary().getValue()).isEqualTo("予約済み (Booked)");
            assertThat(event.getLocation().getValue()).startsWith("益田市立高津地区振興センター（高津公民館）第二別館, 北棟; 二階");
        });
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("益田市立高津地区振興センター（高津公民館）第二別館, 北棟; 二階 大会議室 (Large meeting hall)");
        assertThat(feed.of(HALL).lines()).allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= 75);
    }

    @Test
    void anApplicationAwaitingApprovalIsTentative() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.of(ARENA)));

        assertThat(calendar.<VEvent>getComponents("VEVENT")).singleElement()
                .satisfies(event -> assertThat(event.getStatus().getValue()).isEqualTo("TENTATIVE"));
    }
}
