package org.chizu.accounts;

import org.springframework.security.core.userdetails.User;

/**
 * A form sign-in, staff by name or resident by e-mail address, as the browser's session keeps it.
 * Spring Security checks it before the password (locked, disabled) and after it (a resident's
 * e-mail not yet verified, {@link EmailNotVerifiedException}).
 */
public final class AccountSignIn extends User implements SignedInAccount {

    private final Identity identity;
    private final int sessionGeneration;
    private final boolean emailVerified;

    AccountSignIn(Identity identity, String passwordHash, boolean disabled, boolean locked, boolean emailVerified,
            int sessionGeneration) {
        super(identity.name(), passwordHash, !disabled, true, true, !locked, identity.authorities());
        this.identity = identity;
        this.emailVerified = emailVerified;
        this.sessionGeneration = sessionGeneration;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public int sessionGeneration() {
        return sessionGeneration;
    }

    /** Staff have no e-mail to verify; a resident must have followed the link. */
    public boolean emailVerified() {
        return emailVerified;
    }

    // User compares by user name only; the generation tells two sign-ins of one account apart.
    @Override
    public boolean equals(Object other) {
        return other instanceof AccountSignIn signIn && super.equals(other) && signIn.sessionGeneration == sessionGeneration;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + sessionGeneration;
    }
}
