package org.chizu.accounts;

import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whom the current request is answered for: staff when signed in as staff or admin, else the public.
 * Residents, organisation members and devices are the public here: staff-only layers stay hidden.
 */
@Component
public class CurrentAudience implements RequestAudience {

    @Override
    public Audience get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Audience.PUBLIC;
        }
        boolean staff = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.STAFF.authority()) || a.getAuthority().equals(Role.ADMIN.authority()));
        return staff ? Audience.STAFF : Audience.PUBLIC;
    }
}
