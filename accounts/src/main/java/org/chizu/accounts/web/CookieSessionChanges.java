package org.chizu.accounts.web;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The requests that need a CSRF token: those that change something and carry a session cookie,
 * plus the sign-in form itself (against login CSRF). Cross-site request forgery abuses credentials
 * that the browser adds by itself; a request without a session cookie has none, so it is left to
 * authorization, and a script calling the API without credentials is told 401 "sign in", not 403.
 */
final class CookieSessionChanges implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RequestMatcher signInForm =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SecurityConfiguration.LOGIN_PAGE);

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        return request.getRequestedSessionId() != null || signInForm.matches(request);
    }
}
