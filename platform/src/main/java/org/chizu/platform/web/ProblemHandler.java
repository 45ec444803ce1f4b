package org.chizu.platform.web;

import java.net.URI;

import org.chizu.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place errors become RFC 9457 problem+json. Spring's own errors (unknown path, bad
 * parameter, wrong method …) and {@code ErrorResponseException}s thrown by modules are handled by
 * the base class; the application's own exceptions are mapped here.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A problem of one of Chizu's own types, {@code urn:chizu:problem:<type>}. */
    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:chizu:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /** A module's own failure, which says its status and members itself. */
    @ExceptionHandler
    ProblemDetail moduleProblem(ProblemException e) {
        ProblemDetail problem = problem(HttpStatus.valueOf(e.status()), e.type(), e.title(), e.getMessage());
        e.members().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
    }

    /** Raised by the security filters; a bad token says so, anything else asks the caller to sign in. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        boolean badCredentials = e instanceof BadCredentialsException;
        ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in", badCredentials
                ? e.getMessage()
                : "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, badCredentials ? "Bearer error=\"invalid_token\"" : "Bearer")
                .body(problem);
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this.");
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on the server; it has been logged.");
    }
}
