package org.chizu.platform.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.stream.Collectors;

import org.chizu.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.servlet.http.HttpServletRequest;

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

    /** A JSON body with a member of the wrong kind (or text with a NUL) names the member's path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (!(e.getCause() instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return super.handleHttpMessageNotReadable(e, headers, status, request);
        }
        String path = mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("/", "/", ""));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-json", "Bad JSON body",
                "The JSON body's member " + path + " cannot be taken: " + mapping.getOriginalMessage());
        problem.setProperty("pointer", path);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A multipart body that cannot be read (no boundary, no closing boundary, cut short …). */
    @ExceptionHandler
    ProblemDetail badMultipart(MultipartException e) {
        log.debug("unreadable multipart body", e);
        return problem(HttpStatus.BAD_REQUEST, "bad-multipart", "Bad multipart body", "The multipart/form-data body "
                + "cannot be read: its boundary is missing or empty, or it does not end with the closing boundary.");
    }

    /** The database cannot be reached: the request may work again shortly. */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("database unavailable: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                        "The database cannot be reached just now; try again in a little while."));
    }

    /**
     * A query (GET) whose values the database refuses (SQLState class 22: a number out of its column's
     * range, a timestamp out of range, a bad LIKE escape …; XX000: PostGIS refusing a geometry or a
     * coordinate outside a CRS's domain) asked for something unanswerable: 400. Logged, as each is a
     * check the query's own validation could have made. Writes keep failing as internal errors.
     */
    @ExceptionHandler
    ProblemDetail databaseRefused(DataAccessException e, HttpServletRequest request) {
        String state = e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        boolean query = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!query || !(state.startsWith("22") || state.equals("XX000"))) {
            return unexpected(e);
        }
        log.warn("the database refused a value in {} {} ({}): {}", request.getMethod(), request.getRequestURI(), state,
                e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.BAD_REQUEST, "unanswerable-query", "Unanswerable query",
                "A value in the request cannot be used: " + e.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on the server; it has been logged.");
    }
}
