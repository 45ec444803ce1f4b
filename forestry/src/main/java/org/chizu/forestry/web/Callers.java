package org.chizu.forestry.web;

import org.chizu.accounts.Identity;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who calls forestry's API; the access rules let only signed-in accounts reach where it is asked. */
final class Callers {

    private Callers() {
    }

    static Identity signedIn() {
        return Identity.of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new IllegalStateException("the access rules let only signed-in accounts here"));
    }
}
