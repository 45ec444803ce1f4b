package org.chizu.accounts.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.chizu.accounts.AccountsProperties;
import org.chizu.platform.web.AddressRateLimit;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits how fast one client address may try to sign in, whichever accounts it tries
 * ({@code chizu.accounts.sign-in.per-address-burst}, refilled at {@code per-address-per-minute}).
 * Over the limit the form is answered 429 with the sign-in page saying so, before any password is
 * checked. The per-account lockout ({@link org.chizu.accounts.SignInLockout}) stops slow guessing of
 * one account from many addresses; this stops fast guessing of many accounts from one.
 */
final class SignInRateLimit extends OncePerRequestFilter {

    private final RequestMatcher signInForm =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SecurityConfiguration.LOGIN_PAGE);
    private final AddressRateLimit limit;
    private final LoginPage page;

    SignInRateLimit(AccountsProperties.SignIn limit, LoginPage page) {
        this.limit = new AddressRateLimit(limit.perAddressBurst(), limit.perAddressPerMinute(), Duration.ofMinutes(1));
        this.page = page;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !signInForm.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limit.tryTake(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "60");
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(page.render((CsrfToken) request.getAttribute(CsrfToken.class.getName()), "too-many"));
    }
}
