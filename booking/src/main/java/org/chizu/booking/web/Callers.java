package org.chizu.booking.web;

import java.util.Optional;

import org.chizu.accounts.Identity;
import org.chizu.booking.BookingProblem;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who calls booking's API, and whether they may book for a group. */
final class Callers {

    private Callers() {
    }

    static Optional<Identity> current() {
        return Identity.of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** @throws BookingProblem 401 for the anonymous public */
    static Identity signedIn() {
        return current().orElseThrow(BookingProblem::notSignedIn);
    }

    /**
     * The organisation a booking or entry is made for, after checking the caller belongs to it
     * (a right {@code org:<id>:member} or {@code org:<id>:admin} exists only in approved organisations).
     *
     * @throws BookingProblem 403 when the caller is no member
     */
    static Long organisation(Identity caller, Long organisationId) {
        if (organisationId != null && !caller.rights().contains("org:" + organisationId + ":member")
                && !caller.rights().contains("org:" + organisationId + ":admin")) {
            throw BookingProblem.notAMember(organisationId);
        }
        return organisationId;
    }
}
