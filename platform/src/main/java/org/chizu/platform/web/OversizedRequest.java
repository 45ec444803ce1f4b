package org.chizu.platform.web;

import java.net.URI;
import java.util.Collections;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request line longer than {@value #LONGEST_TARGET} characters (414) or headers larger than
 * {@value #LARGEST_HEADERS} bytes (431) as problem+json. Undertow itself is allowed far more
 * ({@code server.max-http-request-header-size}, 64 KB): what it refuses, it refuses with an empty 400
 * while parsing, before any Chizu code could answer; between the two limits Chizu says what was wrong.
 */
@Configuration
class OversizedRequest implements WebMvcConfigurer, HandlerInterceptor {

    static final int LONGEST_TARGET = 8 * 1024;
    static final int LARGEST_HEADERS = 16 * 1024;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        int target = request.getRequestURI().length() + (request.getQueryString() == null ? 0 : request.getQueryString().length() + 1);
        if (target > LONGEST_TARGET) {
            throw refused(HttpStatus.URI_TOO_LONG, "uri-too-long", "Request line too long",
                    "The address is " + target + " characters long; at most " + LONGEST_TARGET + " are read."
                            + " Send a long filter or geometry in a POST body where the API takes one, or a shorter one.");
        }
        int headers = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                headers += name.length() + value.length() + 4;
            }
        }
        if (headers > LARGEST_HEADERS) {
            throw refused(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "Headers too large",
                    "The request's headers take " + headers + " bytes; at most " + LARGEST_HEADERS + " are read.");
        }
        return true;
    }

    private static ErrorResponseException refused(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:chizu:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
