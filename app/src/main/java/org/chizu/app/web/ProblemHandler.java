package org.chizu.app.web;

import java.net.URI;

import org.chizu.gis.imports.ImportRejectedException;
import org.chizu.gis.layer.UnknownLayerException;
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
 * parameter, wrong method …) are handled by the base class; the application's are mapped here.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static URI type(String name) {
        return URI.create("urn:chizu:problem:" + name);
    }

    @ExceptionHandler
    ProblemDetail unknownLayer(UnknownLayerException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(type("unknown-layer"));
        problem.setTitle("Unknown layer");
        problem.setProperty("layer", e.layerId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail importRejected(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(type("import-rejected"));
        problem.setTitle("The file was not imported");
        problem.setProperty("layer", e.layerId());
        problem.setProperty("problemCount", e.problemCount());
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(type("bad-request"));
        problem.setTitle("Bad request");
        return problem;
    }

    /** Raised by the security filters; a bad token says so, anything else asks the caller to sign in. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        boolean badCredentials = e instanceof BadCredentialsException;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, badCredentials
                ? e.getMessage()
                : "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.");
        problem.setType(type("unauthenticated"));
        problem.setTitle("Not signed in");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, badCredentials ? "Bearer error=\"invalid_token\"" : "Bearer")
                .body(problem);
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not do this.");
        problem.setType(type("forbidden"));
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on the server; it has been logged.");
        problem.setType(type("internal-error"));
        problem.setTitle("Internal error");
        return problem;
    }
}
