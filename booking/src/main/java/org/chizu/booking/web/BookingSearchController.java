package org.chizu.booking.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.Identity;
import org.chizu.booking.BookingNotices;
import org.chizu.booking.BookingProblem;
import org.chizu.booking.UnitFilter;
import org.chizu.booking.UnitSearch;
import org.chizu.platform.Label;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The residents' page's own questions: units free at a time near a place, and what staff told them. */
@RestController
@RequestMapping("/api/booking")
class BookingSearchController {

    private final UnitSearch search;
    private final BookingNotices notices;

    BookingSearchController(UnitSearch search, BookingNotices notices) {
        this.search = search;
        this.notices = notices;
    }

    /** Units by kind, capacity and day, free from a time of that day, nearest first to lon/lat. */
    @GetMapping("/search")
    Map<String, List<UnitSearch.Found>> search(@RequestParam(required = false) String kind,
                                               @RequestParam(required = false) Integer capacity,
                                               @RequestParam(required = false) LocalDate date,
                                               @RequestParam(required = false) LocalTime time,
                                               @RequestParam(required = false) Double lon,
                                               @RequestParam(required = false) Double lat) {
        if ((lon == null) != (lat == null)) {
            throw BookingProblem.invalid(lon == null ? "lon" : "lat",
                    new Label("経度と緯度は両方指定してください。", "give both lon and lat, or neither."));
        }
        if (lon != null && (Math.abs(lon) > 180 || Math.abs(lat) > 90)) {
            throw BookingProblem.invalid("lon", new Label("経度・緯度の範囲外です。", "out of range for a longitude and latitude."));
        }
        if (time != null && date == null) {
            throw BookingProblem.missing("date");
        }
        return Map.of("results", search.search(new UnitFilter(kind, capacity, date), time,
                lon == null ? null : new UnitSearch.Place(lon, lat)));
    }

    @GetMapping("/notices")
    Map<String, List<BookingNotices.Notice>> notices() {
        Identity caller = Identity.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow(BookingProblem::notSignedIn);
        return Map.of("notices", notices.of(caller.id()));
    }
}
