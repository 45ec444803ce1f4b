package org.chizu.accounts.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers "not signed in" and "not allowed" from the security filters the way every other error is
 * answered: the exception goes to Spring MVC's exception resolvers, and so to the application's one
 * problem+json handler. Without such a handler the bare status is sent.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    ProblemResponses(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        resolve(request, response, e, HttpStatus.UNAUTHORIZED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        resolve(request, response, e, HttpStatus.FORBIDDEN);
    }

    private void resolve(HttpServletRequest request, HttpServletResponse response, Exception e, HttpStatus fallback)
            throws IOException {
        if (resolver.resolveException(request, response, null, e) == null) {
            response.sendError(fallback.value());
        }
    }
}
