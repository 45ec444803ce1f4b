package org.chizu.sensors.alerts;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.chizu.sensors.SensorsProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts over HTTP: the current ones as JSON with their zones, shelters and roads, one with its log,
 * staff acknowledgement (any POST is staff-only by the platform's default rules), and the CAP feed.
 */
@RestController
class AlertsController {

    private final AlertQueries queries;
    private final AlertLifecycle lifecycle;
    private final CapFeed feed;
    private final RequestAudience audience;
    private final AlertsProperties properties;

    AlertsController(AlertQueries queries, AlertLifecycle lifecycle, CapFeed feed, RequestAudience audience,
            AlertsProperties properties) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.feed = feed;
        this.audience = audience;
        this.properties = properties;
    }

    /** The open alerts; with {@code recent=true} also those cleared within the recent window (24 h), as the CAP feed has them. */
    @GetMapping("/api/alerts")
    Map<String, List<Alert>> current(@RequestParam(defaultValue = "false") boolean recent) {
        Instant clearedSince = recent ? Instant.now().minus(properties.recent()) : null;
        return Map.of("alerts", queries.current(clearedSince).stream().map(this::forCaller).toList());
    }

    @GetMapping("/api/alerts/{id}")
    Alert one(@PathVariable long id) {
        return forCaller(queries.one(id).orElseThrow(() -> notFound(id)));
    }

    /** Staff names are personal data: the public learns that an alert was acknowledged, not by whom. */
    private Alert forCaller(Alert alert) {
        return audience.get() == Audience.STAFF ? alert : alert.withoutStaffNames();
    }

    @PostMapping("/api/alerts/{id}/acknowledge")
    Alert acknowledge(@PathVariable long id, Principal staff) {
        if (staff == null) {
            throw new SensorsProblem(401, "sensors-sign-in", "Sign-in required", "Only signed-in staff acknowledge alerts.", Map.of("alert", id));
        }
        if (!lifecycle.acknowledge(id, staff.getName())) {
            throw notFound(id);
        }
        return one(id);
    }

    @GetMapping(value = "/alerts/cap.atom", produces = "application/atom+xml")
    ResponseEntity<String> cap(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(feed.write(request.getRequestURL().toString(), Instant.now()));
    }

    private static SensorsProblem notFound(long id) {
        return new SensorsProblem(404, "sensors-alert-not-found", "Not found", "Alert " + id + " does not exist.", Map.of("alert", id));
    }
}
