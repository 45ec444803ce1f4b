package org.chizu.counters;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

import org.chizu.booking.CalendarFeed;
import org.springframework.stereotype.Service;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A van route's timetable as an iCalendar feed (RFC 5545) a phone's calendar subscribes to: one
 * event per stop on each day the route runs, from today for {@value #WEEKS} weeks (holidays left out
 * when the route rests on them), with the place, its position and the services offered there.
 * Written by ical4j and folded by octets as booking's feeds are.
 */
@Service
public class VanCalendarFeed {

    static final int WEEKS = 8;

    private final VanRoutes routes;
    private final CountersProperties properties;

    public VanCalendarFeed(VanRoutes routes, CountersProperties properties) {
        this.routes = routes;
        this.properties = properties;
    }

    /** @throws CountersProblem 404 for an unknown route */
    public String of(String routeCode) {
        VanRoute route = routes.find(routeCode);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Chizu//Counter van//JA"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "移動窓口 " + route.name().ja() + " (Counter van: " + route.name().en() + ")"));
        calendar.add(new XProperty("X-WR-TIMEZONE", properties.zone().getId()));
        LocalDate today = LocalDate.now(properties.zone());
        for (LocalDate day = today; day.isBefore(today.plusWeeks(WEEKS)); day = day.plusDays(1)) {
            if (!routes.day(route, day).open()) {
                continue;
            }
            for (VanStop stop : route.stops()) {
                VEvent event = new VEvent(day.atTime(stop.arrives()).atZone(properties.zone()).toInstant(),
                        day.atTime(stop.departs()).atZone(properties.zone()).toInstant(),
                        "移動窓口 " + stop.name().ja() + " (Counter van: " + stop.name().en() + ")");
                event.replace(new DtStamp(now));
                event.add(new Uid("van-stop-" + stop.id() + "-" + day + "@chizu"));
                event.add(new Location(stop.place().name() + (stop.place().address() == null ? "" : ", " + stop.place().address())));
                event.add(new Geo(BigDecimal.valueOf(stop.place().lat()), BigDecimal.valueOf(stop.place().lon())));
                event.add(new Description(stop.services().stream().map(service -> service.name().ja() + " / " + service.name().en())
                        .collect(Collectors.joining("\n"))));
                event.add(ImmutableTransp.TRANSPARENT);
                calendar.add(event);
            }
        }
        return CalendarFeed.folded(calendar);
    }
}
