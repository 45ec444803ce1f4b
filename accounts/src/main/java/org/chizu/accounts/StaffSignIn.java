package org.chizu.accounts;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A form sign-in, as the browser's session keeps it: the account and the session generation it
 * signed in under. The session is honoured only while {@link StaffAccounts#isCurrent(StaffSignIn)}:
 * disabling the account or giving it a new password changes the generation in the database, so a
 * running server notices on the session's next request even when {@code ./chizu} made the change.
 */
public final class StaffSignIn extends User {

    private final int sessionGeneration;

    StaffSignIn(StaffAccount account, String passwordHash, int sessionGeneration) {
        super(account.name(), passwordHash, !account.disabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.sessionGeneration = sessionGeneration;
    }

    /** The account's session generation when it signed in. */
    public int sessionGeneration() {
        return sessionGeneration;
    }
}
