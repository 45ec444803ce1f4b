package org.chizu.accounts.web;

import java.util.List;

import org.chizu.accounts.StaffAccount;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request's personal API token: first as presented (unauthenticated, the token as credentials),
 * then as the account it belongs to (authenticated, the token forgotten).
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String token;
    private final StaffAccount account;

    private ApiTokenAuthentication(String token, StaffAccount account) {
        super(account == null ? List.of() : List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.token = token;
        this.account = account;
        setAuthenticated(account != null);
    }

    static ApiTokenAuthentication presented(String token) {
        return new ApiTokenAuthentication(token, null);
    }

    static ApiTokenAuthentication of(StaffAccount account) {
        return new ApiTokenAuthentication(null, account);
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    /** The account once authenticated; before that, nobody. */
    @Override
    public Object getPrincipal() {
        return account;
    }

    @Override
    public String getName() {
        return account == null ? "" : account.name();
    }
}
