package org.chizu.counters.web;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chizu.counters.VanTrack;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The van's track of a day for staff ({@code /staff/**} is staff's): JSON and CSV. */
@RestController
@RequestMapping("/staff/api/counters/van/routes/{route}")
class VanTrackController {

    private final VanTrack track;

    VanTrackController(VanTrack track) {
        this.track = track;
    }

    @GetMapping("/track")
    Map<String, Object> track(@PathVariable String route, @RequestParam(required = false) String date) {
        LocalDate day = RequestDates.day("date", date);
        return Map.of("route", route, "date", day, "positions", track.day(route, day));
    }

    @GetMapping(path = "/track.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@PathVariable String route, @RequestParam(required = false) String date) {
        LocalDate day = RequestDates.day("date", date);
        List<VanTrack.Point> points = track.day(route, day);
        StringWriter out = Csv.start("at,lon,lat,posted_by");
        for (VanTrack.Point point : points) {
            out.write(String.join(",", point.at().toString(), String.format(Locale.ROOT, "%.6f", point.lon()),
                    String.format(Locale.ROOT, "%.6f", point.lat()), Csv.quoted(point.postedBy())) + "\r\n");
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"van-" + route + "-" + day + ".csv\"").body(out.toString());
    }
}
