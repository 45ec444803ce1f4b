package org.chizu.booking.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Identity;
import org.chizu.booking.BookingProblem;
import org.chizu.booking.Lotteries;
import org.chizu.booking.Lottery;
import org.chizu.booking.LotteryCalendar;
import org.chizu.booking.LotteryWithdrawals;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly lotteries: published to anyone, entered by residents (and withdrawn from while applications
 * are open), opened and drawn by staff (or by the schedule, {@code LotteryCycle}).
 */
@RestController
@RequestMapping("/api/booking/lotteries")
class LotteryController {

    private final Lotteries lotteries;
    private final LotteryWithdrawals withdrawals;

    LotteryController(Lotteries lotteries, LotteryWithdrawals withdrawals) {
        this.lotteries = lotteries;
        this.withdrawals = withdrawals;
    }

    /**
     * What staff send to open a month's lottery: optionally the seed to commit to (else a random
     * one) and whether only verified groups may enter.
     */
    record OpenRequest(YearMonth month, OffsetDateTime applicationsOpen, OffsetDateTime applicationsClose,
                       OffsetDateTime confirmBy, Integer maxEntries, String seed, Boolean groupsOnly) {
    }

    /** What staff send to draw: nothing, or the seed the lottery committed to. */
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
        Lottery lottery = lotteries.open(new LotteryCalendar.Opening(request.month(), request.applicationsOpen().toInstant(),
                request.applicationsClose().toInstant(), request.confirmBy().toInstant(),
                request.maxEntries() == null ? 4 : request.maxEntries()), request.seed(), Boolean.TRUE.equals(request.groupsOnly()));
        return ResponseEntity.created(URI.create("/api/booking/lotteries/" + lottery.id())).body(lottery);
    }

    @PostMapping("/{id}/entries")
    ResponseEntity<Lottery.Entry> enter(@PathVariable long id, @RequestBody BookingController.HoldRequest request) {
        Identity caller = Callers.signedIn();
        // A resident's sign-in name is their address: the results are mailed there.
        Lottery.Entry entry = lotteries.enter(id, request.toSlot(caller), caller.kind() == AccountKind.RESIDENT ? caller.name() : null);
        return ResponseEntity.created(URI.create("/api/booking/lotteries/" + id)).body(entry);
    }

    /** The caller takes back their entry while applications are open: 204, or 409 once they have closed. */
    @PostMapping("/{id}/entries/{entryId}/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable long entryId) {
        withdrawals.withdraw(id, entryId, Callers.signedIn().id());
        return ResponseEntity.noContent().build();
    }

    /** Draws; answers the seed and counts (the whole draw is then at GET /{id}). */
    @PostMapping("/{id}/draw")
    Lotteries.Drawn draw(@PathVariable long id, @RequestBody(required = false) DrawRequest request) {
        return lotteries.draw(id, request == null ? null : request.seed());
    }
}
