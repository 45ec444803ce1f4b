package org.chizu.counters.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chizu.counters.CounterRoutes;
import org.chizu.counters.CounterService;
import org.chizu.counters.CountersProblem;
import org.chizu.counters.NearestCounters;
import org.chizu.counters.Office;
import org.chizu.counters.OfficeCalendar;
import org.chizu.counters.OfficeDay;
import org.chizu.counters.Offices;
import org.chizu.counters.QueueState;
import org.chizu.counters.Ticket;
import org.chizu.counters.TicketStatus;
import org.chizu.counters.Tickets;
import org.chizu.platform.web.PublicBaseUrl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Counters over HTTP: offices and the nearest one for anyone, tickets for residents, calls for staff. */
@RestController
@RequestMapping("/api/counters")
class CountersController {

    private final Offices offices;
    private final OfficeCalendar calendar;
    private final Tickets tickets;
    private final NearestCounters nearest;
    private final CounterRoutes routes;
    private final PublicBaseUrl baseUrl;

    CountersController(Offices offices, OfficeCalendar calendar, Tickets tickets, NearestCounters nearest, CounterRoutes routes,
                       PublicBaseUrl baseUrl) {
        this.offices = offices;
        this.calendar = calendar;
        this.tickets = tickets;
        this.nearest = nearest;
        this.routes = routes;
        this.baseUrl = baseUrl;
    }

    /** An office with its day today, as the public page lists it. */
    record OfficeToday(Office office, OfficeDay today) {
    }

    /** email: where to tell the holder of a remote ticket that the turn is near; may be left out. */
    record TakeRequest(String service, String channel, String email) {
    }

    record CallRequest(String desk, List<String> services) {
    }

    /** A called ticket, or none when nobody waits; with the queue after the call. */
    record Called(Ticket ticket, QueueState queue) {
    }

    /** A taken ticket as its holder sees it, with the address to follow it and its QR code. */
    record Taken(TicketStatus status, String followUrl, String qrCode) {
    }

    @GetMapping("/services")
    Map<String, List<CounterService>> services() {
        return Map.of("services", offices.services());
    }

    @GetMapping("/offices")
    Map<String, List<OfficeToday>> offices() {
        return Map.of("offices", offices.all().stream().map(this::today).toList());
    }

    @GetMapping("/offices/{office}")
    OfficeToday office(@PathVariable String office) {
        return today(offices.find(office));
    }

    @GetMapping("/offices/{office}/queue")
    QueueState queue(@PathVariable String office) {
        return tickets.queue(office);
    }

    @PostMapping("/offices/{office}/tickets")
    ResponseEntity<Taken> take(@PathVariable String office, @RequestBody TakeRequest request) {
        if (request.service() == null) {
            throw CountersProblem.missing("service");
        }
        TicketStatus status = tickets.take(office, request.service(), request.channel() == null ? "kiosk" : request.channel(),
                request.email());
        String follow = followUrl(status.ticket().token());
        return ResponseEntity.created(URI.create(follow)).body(new Taken(status, follow, "/api/counters/tickets/"
                + status.ticket().token() + "/qr.svg"));
    }

    @GetMapping("/tickets/{token}")
    TicketStatus ticket(@PathVariable String token) {
        return tickets.status(token);
    }

    /** The QR code of the ticket's follow address, for a phone to scan at the kiosk. */
    @GetMapping(path = "/tickets/{token}/qr.svg", produces = "image/svg+xml")
    String qrCode(@PathVariable String token) {
        return TicketQrCode.svg(followUrl(tickets.status(token).ticket().token()));
    }

    @PostMapping("/offices/{office}/calls")
    Called callNext(@PathVariable String office, @RequestBody CallRequest request) {
        Ticket called = tickets.callNext(office, request.desk(), request.services()).orElse(null);
        return new Called(called, tickets.queue(office));
    }

    @PostMapping("/offices/{office}/desks/{desk}/finish")
    QueueState finish(@PathVariable String office, @PathVariable String desk) {
        tickets.finish(office, desk);
        return tickets.queue(office);
    }

    @GetMapping("/nearest")
    Map<String, Object> nearest(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
                                @RequestParam(required = false) String service) {
        double longitude = coordinate("lon", lon, -180, 180);
        double latitude = coordinate("lat", lat, -90, 90);
        if (service == null || service.isBlank()) {
            throw CountersProblem.missing("service");
        }
        return Map.of("service", service, "counters", nearest.nearest(longitude, latitude, service));
    }

    /** The road from a place to an office ({@code office=}) or to a stop of the van ({@code stop=}): one of the two. */
    @GetMapping("/route")
    CounterRoutes.Route route(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
                              @RequestParam(required = false) String office, @RequestParam(required = false) String stop) {
        double longitude = coordinate("lon", lon, -180, 180);
        double latitude = coordinate("lat", lat, -90, 90);
        boolean toOffice = office != null && !office.isBlank();
        boolean toStop = stop != null && !stop.isBlank();
        if (toOffice == toStop) {
            throw toOffice ? CountersProblem.oneDestination() : CountersProblem.missing("office");
        }
        if (toOffice) {
            return routes.route(longitude, latitude, office);
        }
        try {
            return routes.routeToStop(longitude, latitude, Long.parseLong(stop.strip()));
        } catch (NumberFormatException e) {
            throw CountersProblem.badStop(stop);
        }
    }

    private OfficeToday today(Office office) {
        return new OfficeToday(office, calendar.dayOf(office, Instant.now()));
    }

    private String followUrl(String token) {
        return baseUrl.current() + "/counters/tickets/" + token;
    }

    private static double coordinate(String name, String text, double min, double max) {
        if (text == null || text.isBlank()) {
            throw CountersProblem.missing(name);
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw CountersProblem.badPlace(name, "not a number: " + text);
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw CountersProblem.badPlace(name, "between " + min + " and " + max);
        }
        return value;
    }
}
