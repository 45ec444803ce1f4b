package org.chizu.accounts.web;

import org.chizu.accounts.Identity;
import org.chizu.accounts.SignedInAccount;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A staff member signed in at the town's identity provider, as the session keeps them. */
final class StaffOidcUser extends DefaultOidcUser implements SignedInAccount {

    private final Identity identity;
    private final int sessionGeneration;

    StaffOidcUser(Identity identity, int sessionGeneration, OidcUser user, String nameClaim) {
        super(identity.authorities(), user.getIdToken(), user.getUserInfo(), nameClaim);
        this.identity = identity;
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
}
