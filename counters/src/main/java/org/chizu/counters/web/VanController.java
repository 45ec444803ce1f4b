package org.chizu.counters.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.Identity;
import org.chizu.booking.Availability;
import org.chizu.booking.Booking;
import org.chizu.counters.CountersProblem;
import org.chizu.counters.CountersProperties;
import org.chizu.counters.OfficeDay;
import org.chizu.counters.VanCalendarFeed;
import org.chizu.counters.VanLive;
import org.chizu.counters.VanPositions;
import org.chizu.counters.VanReservations;
import org.chizu.counters.VanRoute;
import org.chizu.counters.VanRouteEdits;
import org.chizu.counters.VanRoutes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counter van over HTTP: routes, timetable, iCalendar feed and live position for anyone; the
 * position posted by the van's device (scope {@code counters:van-position}) or staff; slots reserved
 * by residents; routes and stops edited by staff.
 */
@RestController
@RequestMapping("/api/counters/van")
class VanController {

    private final VanRoutes routes;
    private final VanRouteEdits edits;
    private final VanPositions positions;
    private final VanReservations reservations;
    private final VanCalendarFeed feed;
    private final CountersProperties properties;

    VanController(VanRoutes routes, VanRouteEdits edits, VanPositions positions, VanReservations reservations, VanCalendarFeed feed,
                  CountersProperties properties) {
        this.properties = properties;
        this.routes = routes;
        this.edits = edits;
        this.positions = positions;
        this.reservations = reservations;
        this.feed = feed;
    }

    /** A route with whether and when it runs today. */
    record RouteToday(VanRoute route, OfficeDay today, String calendar) {
    }

    record PositionRequest(Double lon, Double lat) {
    }

    record ReservationRequest(String start) {
    }

    record ServedRequest(Integer served) {
    }

    @GetMapping("/routes")
    Map<String, List<RouteToday>> routes() {
        return Map.of("routes", routes.all().stream().map(this::today).toList());
    }

    @GetMapping("/routes/{route}")
    RouteToday route(@PathVariable String route) {
        return today(routes.find(route));
    }

    @PutMapping("/routes/{route}")
    RouteToday save(@PathVariable String route, @RequestBody VanRouteEdits.RouteEdit edit) {
        return today(edits.save(route, edit));
    }

    @PostMapping("/routes/{route}/stops")
    ResponseEntity<RouteToday> addStop(@PathVariable String route, @RequestBody VanRouteEdits.StopEdit edit) {
        return ResponseEntity.status(201).body(today(edits.addStop(route, edit)));
    }

    @PutMapping("/stops/{stop}")
    RouteToday updateStop(@PathVariable long stop, @RequestBody VanRouteEdits.StopEdit edit) {
        return today(edits.updateStop(stop, edit));
    }

    @DeleteMapping("/stops/{stop}")
    RouteToday removeStop(@PathVariable long stop) {
        return today(edits.removeStop(stop));
    }

    @PutMapping("/stops/{stop}/visits/{date}")
    ResponseEntity<Void> served(@PathVariable long stop, @PathVariable String date, @RequestBody ServedRequest request) {
        if (request.served() == null) {
            throw CountersProblem.missing("served");
        }
        edits.recordServed(stop, RequestDates.day("date", date), request.served());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/routes/{route}/calendar.ics", produces = "text/calendar;charset=UTF-8")
    String calendar(@PathVariable String route) {
        return feed.of(route);
    }

    @GetMapping("/routes/{route}/live")
    VanLive live(@PathVariable String route) {
        return positions.now(route);
    }

    @PostMapping("/routes/{route}/positions")
    VanLive post(@PathVariable String route, @RequestBody PositionRequest request, Authentication who) {
        if (request.lon() == null) {
            throw CountersProblem.missing("lon");
        }
        if (request.lat() == null) {
            throw CountersProblem.missing("lat");
        }
        if (!Double.isFinite(request.lon()) || Math.abs(request.lon()) > 180) {
            throw CountersProblem.badPlace("lon", "between -180 and 180");
        }
        if (!Double.isFinite(request.lat()) || Math.abs(request.lat()) > 90) {
            throw CountersProblem.badPlace("lat", "between -90 and 90");
        }
        return positions.post(route, request.lon(), request.lat(), who.getName());
    }

    @GetMapping("/stops/{stop}/slots")
    Map<String, Object> slots(@PathVariable long stop, @RequestParam(required = false) String date) {
        LocalDate day = RequestDates.day("date", date);
        List<Availability.Slot> slots = reservations.slots(stop, day);
        return Map.of("stop", routes.stop(stop), "date", day, "slots", slots);
    }

    @PostMapping("/stops/{stop}/reservations")
    ResponseEntity<Booking> reserve(@PathVariable long stop, @RequestBody ReservationRequest request, Authentication who) {
        if (request.start() == null || request.start().isBlank()) {
            throw CountersProblem.missing("start");
        }
        OffsetDateTime start;
        try {
            start = OffsetDateTime.parse(request.start());
        } catch (DateTimeParseException e) {
            throw CountersProblem.badDate("start", request.start());
        }
        Identity caller = Identity.of(who).orElseThrow(() -> CountersProblem.missing("account"));
        return ResponseEntity.status(201).body(reservations.reserve(stop, start, caller.id()));
    }

    private RouteToday today(VanRoute route) {
        return new RouteToday(route, routes.day(route, LocalDate.now(properties.zone())),
                "/api/counters/van/routes/" + route.code() + "/calendar.ics");
    }
}
