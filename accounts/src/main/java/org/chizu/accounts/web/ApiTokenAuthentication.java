package org.chizu.accounts.web;

import java.util.List;

import org.chizu.accounts.Identity;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request's API token: first as presented (unauthenticated, the token as credentials), then as the
 * account it belongs to (authenticated, the token forgotten): staff, or a device or API client.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String token;
    private final Identity identity;

    private ApiTokenAuthentication(String token, Identity identity) {
        super(identity == null ? List.of() : identity.authorities());
        this.token = token;
        this.identity = identity;
        setAuthenticated(identity != null);
    }

    static ApiTokenAuthentication presented(String token) {
        return new ApiTokenAuthentication(token, null);
    }

    static ApiTokenAuthentication of(Identity identity) {
        return new ApiTokenAuthentication(null, identity);
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    /** The account's {@link Identity} once authenticated; before that, nobody. */
    @Override
    public Object getPrincipal() {
        return identity;
    }

    @Override
    public String getName() {
        return identity == null ? "" : identity.name();
    }
}
