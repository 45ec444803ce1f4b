package org.chizu.booking.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chizu.accounts.Identity;
import org.chizu.booking.AfterUse;
import org.chizu.booking.BookingProblem;
import org.chizu.booking.Bookings;
import org.chizu.booking.ExtraPayments;
import org.chizu.booking.PaymentProvider;
import org.chizu.platform.Label;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 利用後内容確定 over HTTP: the owner (or staff) confirms how many came and the extras used once the
 * booking has ended, and the owner pays online any extra that costs; staff also record no-shows and
 * take the extra owed at the counter (the list of ended bookings still to confirm is on
 * {@link StaffBookingController}, with residents' names).
 */
@RestController
class AfterUseController {

    private final AfterUse afterUse;
    private final Bookings bookings;
    private final ExtraPayments extras;

    AfterUseController(AfterUse afterUse, Bookings bookings, ExtraPayments extras) {
        this.afterUse = afterUse;
        this.bookings = bookings;
        this.extras = extras;
    }

    /**
     * What was used: people who came and extras; or, from staff only, {@code noShow: true} alone.
     */
    record Report(Integer headcount, Set<String> extras, Boolean noShow) {

        boolean isNoShow() {
            return Boolean.TRUE.equals(noShow);
        }
    }

    /** The caller's bookings as confirmed after use, latest first, with any extra owed and how it was paid. */
    @GetMapping("/api/booking/after-use")
    Map<String, List<AfterUse.Confirmed>> mine() {
        return Map.of("confirmed", afterUse.ofAccount(Callers.signedIn().id()));
    }

    /** Opens an online checkout for the extra the caller owes after use; the resident goes on to {@code payAt}. */
    @PostMapping("/api/booking/bookings/{id}/after-use/checkout")
    PaymentProvider.Checkout checkout(@PathVariable long id) {
        return extras.checkout(id, Callers.signedIn().id());
    }

    /** The owner's booking as used, or any for staff; 404 until confirmed. */
    @GetMapping("/api/booking/bookings/{id}/after-use")
    AfterUse.Confirmed of(@PathVariable long id) {
        Identity caller = Callers.signedIn();
        bookings.find(id).filter(booking -> caller.isStaff() || booking.accountId() == caller.id())
                .orElseThrow(() -> BookingProblem.unknownBooking(id));
        return afterUse.of(id).orElseThrow(() -> BookingProblem.unknownBooking(id));
    }

    /** The owner confirms their booking's use (staff may confirm anyone's here too). */
    @PostMapping("/api/booking/bookings/{id}/after-use")
    AfterUse.Confirmed confirmAsOwner(@PathVariable long id, @RequestBody Report report) {
        Identity caller = Callers.signedIn();
        if (caller.isStaff()) {
            return confirmAsStaff(id, report);
        }
        if (report.isNoShow()) {
            throw BookingProblem.invalid("noShow", new Label("無断キャンセルは職員が記録します。", "staff record no-shows."));
        }
        return afterUse.confirm(id, caller.id(), report.headcount(), report.extras(), AfterUse.OWNER);
    }

    @PostMapping("/staff/api/booking/bookings/{id}/after-use")
    AfterUse.Confirmed confirmAsStaff(@PathVariable long id, @RequestBody Report report) {
        String staff = Callers.signedIn().name();
        if (!report.isNoShow()) {
            return afterUse.confirm(id, null, report.headcount(), report.extras(), staff);
        }
        if (report.headcount() != null || (report.extras() != null && !report.extras().isEmpty())) {
            throw BookingProblem.invalid(report.headcount() != null ? "headcount" : "extras",
                    new Label("無断キャンセルには人数や付帯設備を付けません。", "a no-show has no headcount or extras."));
        }
        return afterUse.noShow(id, staff);
    }

    /** Staff took the extra owed after use at the counter. */
    @PostMapping("/staff/api/booking/bookings/{id}/after-use/counter-payment")
    AfterUse.Confirmed payExtraAtCounter(@PathVariable long id) {
        return afterUse.payExtraAtCounter(id);
    }
}
