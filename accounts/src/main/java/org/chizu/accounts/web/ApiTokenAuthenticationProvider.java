package org.chizu.accounts.web;

import org.chizu.accounts.StaffAccounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Turns a presented API token into its (enabled) account, or rejects it. */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final StaffAccounts accounts;

    ApiTokenAuthenticationProvider(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((ApiTokenAuthentication) authentication).token();
        return accounts.authenticateToken(token).map(ApiTokenAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("The API token is not valid."));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
