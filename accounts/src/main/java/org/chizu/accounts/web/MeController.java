package org.chizu.accounts.web;

import org.chizu.accounts.StaffAccount;
import org.chizu.accounts.StaffAccounts;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the web map who is signed in, so it can offer staff tools or a sign-in link. */
@RestController
class MeController {

    /** {@code {"authenticated": false}} for the public; name, display name and role for staff. */
    record Me(boolean authenticated, String name, String displayName, String role) {

        static final Me ANONYMOUS = new Me(false, null, null, null);

        static Me of(StaffAccount account) {
            return new Me(true, account.name(), account.displayName(), account.role().id());
        }
    }

    private final StaffAccounts accounts;

    MeController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return Me.ANONYMOUS;
        }
        return accounts.find(authentication.getName()).map(Me::of).orElse(Me.ANONYMOUS);
    }
}
