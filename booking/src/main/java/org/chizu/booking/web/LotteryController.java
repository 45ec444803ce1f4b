package org.chizu.booking.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.chizu.booking.BookingProblem;
import org.chizu.booking.Lotteries;
import org.chizu.booking.Lottery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Monthly lotteries: published to anyone, entered by residents, opened and drawn by staff. */
@RestController
@RequestMapping("/api/booking/lotteries")
class LotteryController {

    private final Lotteries lotteries;

    LotteryController(Lotteries lotteries) {
        this.lotteries = lotteries;
    }

    /** What staff send to open a month's lottery. */
    record OpenRequest(YearMonth month, OffsetDateTime applicationsOpen, OffsetDateTime applicationsClose,
                       OffsetDateTime confirmBy, Integer maxEntries) {
    }

    /** What staff send to draw: a seed from a public drawing, or none for a random one. */
    record DrawRequest(String seed) {
    }

    @GetMapping
    Map<String, List<Lottery>> list() {
        return Map.of("lotteries", lotteries.list());
    }

    /** The lottery, its entries and, once drawn, its seed, blocked periods and log: enough to re-run it. */
    @GetMapping("/{id}")
    Lotteries.Published lottery(@PathVariable long id) {
        return lotteries.published(id);
    }

    @PostMapping
    ResponseEntity<Lottery> open(@RequestBody OpenRequest request) {
        if (request.month() == null) {
            throw BookingProblem.missing("month");
        }
        if (request.applicationsOpen() == null) {
            throw BookingProblem.missing("applicationsOpen");
        }
        if (request.applicationsClose() == null) {
            throw BookingProblem.missing("applicationsClose");
        }
        if (request.confirmBy() == null) {
            throw BookingProblem.missing("confirmBy");
        }
        Lottery lottery = lotteries.open(request.month(), request.applicationsOpen().toInstant(),
                request.applicationsClose().toInstant(), request.confirmBy().toInstant(),
                request.maxEntries() == null ? 4 : request.maxEntries());
        return ResponseEntity.created(URI.create("/api/booking/lotteries/" + lottery.id())).body(lottery);
    }

    @PostMapping("/{id}/entries")
    ResponseEntity<Lottery.Entry> enter(@PathVariable long id, @RequestBody BookingController.HoldRequest request) {
        Lottery.Entry entry = lotteries.enter(id, request.toSlot(Callers.signedIn()));
        return ResponseEntity.created(URI.create("/api/booking/lotteries/" + id)).body(entry);
    }

    /** Draws; answers the seed and counts (the whole draw is then at GET /{id}). */
    @PostMapping("/{id}/draw")
    Lotteries.Drawn draw(@PathVariable long id, @RequestBody(required = false) DrawRequest request) {
        return lotteries.draw(id, request == null ? null : request.seed());
    }
}
