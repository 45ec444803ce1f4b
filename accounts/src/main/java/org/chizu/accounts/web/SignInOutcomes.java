package org.chizu.accounts.web;

import java.io.IOException;

import org.chizu.accounts.EmailNotVerifiedException;
import org.chizu.accounts.Identity;
import org.chizu.accounts.SignInLockout;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What follows a sign-in attempt: a wrong password is counted towards the account's lockout and the
 * page says what went wrong (locked, e-mail not verified, or simply wrong, which is also what an
 * unknown name or a disabled account gets); a right one clears the count and goes on to the page
 * asked for, or the map. Someone the town's identity provider vouches for who is no enabled staff
 * account is told just that: their password was right.
 */
final class SignInOutcomes implements AuthenticationFailureHandler, AuthenticationSuccessHandler {

    private final SignInLockout lockout;
    private final SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInOutcomes(SignInLockout lockout) {
        this.lockout = lockout;
        onwards.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof BadCredentialsException) {
            lockout.wrongPassword(request.getParameter("username"));
        }
        String outcome = switch (e) {
            case LockedException locked -> "locked";
            case EmailNotVerifiedException unverified -> "unverified";
            case OAuth2AuthenticationException oidc
                    when oidc.getError().getErrorCode().equals(OidcSignIn.NOT_STAFF) -> "not-staff";
            default -> "error";
        };
        response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?" + outcome);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        Identity.of(authentication).ifPresent(lockout::signedIn);
        onwards.onAuthenticationSuccess(request, response, authentication);
    }
}
