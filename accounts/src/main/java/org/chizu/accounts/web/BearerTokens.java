package org.chizu.accounts.web;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a personal API token from {@code Authorization: Bearer <token>} (RFC 6750). The same test
 * decides which requests are authenticated by token and which are exempt from CSRF checks, so the
 * two cannot drift apart.
 */
final class BearerTokens implements AuthenticationConverter, RequestMatcher {

    private static final String SCHEME = "Bearer ";

    @Override
    public boolean matches(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** The presented token, or null when the request carries none. */
    @Override
    public ApiTokenAuthentication convert(HttpServletRequest request) {
        if (!matches(request)) {
            return null;
        }
        return ApiTokenAuthentication.presented(request.getHeader(HttpHeaders.AUTHORIZATION).substring(SCHEME.length()).strip());
    }
}
