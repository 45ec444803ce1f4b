package org.chizu.accounts.web;

import java.io.IOException;

import org.chizu.accounts.SignIns;
import org.chizu.accounts.SignedInAccount;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a browser out on its next request once its account was disabled or given a new password.
 * Those changes are made by {@code ./chizu user …}, another process, or by a resident's password
 * reset, so the server learns of them only from the database: each request that arrives with a
 * signed-in session asks {@link SignIns#isCurrent(SignedInAccount)}, one lookup by primary key.
 * The request then goes on as the public's would: the API answers 401, a staff
 * page sends the browser to sign in. Requests without a session (the public, API tokens, which are
 * looked up on every request anyway) cost nothing here.
 */
final class EndedSessions extends OncePerRequestFilter {

    private final SignIns signIns;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    EndedSessions(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) != null) {
            Authentication authentication = contexts.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount signIn
                    && !signIns.isCurrent(signIn)) {
                signOut.logout(request, response, authentication);
            }
        }
        chain.doFilter(request, response);
    }
}
