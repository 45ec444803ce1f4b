package org.chizu.accounts.web;

import org.chizu.accounts.ApiTokens;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Turns a presented API token into its (enabled) account, or rejects it. */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;

    ApiTokenAuthenticationProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((ApiTokenAuthentication) authentication).token();
        return tokens.authenticate(token).map(ApiTokenAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("The API token is not valid."));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
