package org.chizu.accounts.web;

import java.util.List;

import org.chizu.accounts.Identity;
import org.chizu.accounts.Membership;
import org.chizu.accounts.Organisations;
import org.chizu.accounts.SignIns;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the web map (and anyone signed in) who they are, what kind of account and what rights they hold. */
@RestController
class MeController {

    /**
     * {@code {"authenticated": false}} for the public; otherwise name, display name, kind, role (staff),
     * rights as they are now and, for residents, their organisations with their role in each.
     */
    record Me(boolean authenticated, String name, String displayName, String kind, String role, List<String> rights,
            List<Membership> organisations) {

        static final Me ANONYMOUS = new Me(false, null, null, null, null, null, null);
    }

    private final SignIns signIns;
    private final Organisations organisations;

    MeController(SignIns signIns, Organisations organisations) {
        this.signIns = signIns;
        this.organisations = organisations;
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        return Identity.of(authentication).flatMap(signedIn -> signIns.identity(signedIn.id()))
                .map(identity -> new Me(true, identity.name(), identity.displayName(), identity.kind().id(),
                        identity.role() == null ? null : identity.role().id(), identity.rights().stream().sorted().toList(),
                        organisations.of(identity.id())))
                .orElse(Me.ANONYMOUS);
    }
}
