package org.chizu.platform.web;

import java.net.URI;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request whose parameters (query string, form fields, multipart text parts) hold a NUL
 * character, which PostgreSQL refuses in text: 400 naming the parameter, checked once here rather
 * than failing in whichever statement first stores or compares the value. Runs after the multipart
 * body is read and before any handler, so a body whose fields cannot be read is answered as such.
 */
@Configuration
class NulInText implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            // Undertow reads a form body here at the latest and fails so on one it cannot read (an empty boundary …).
            throw new MultipartException("the request body's fields cannot be read", e);
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean nul = parameter.getKey().indexOf('\0') >= 0;
            for (String value : parameter.getValue()) {
                nul |= value != null && value.indexOf('\0') >= 0;
            }
            if (nul) {
                throw refused(parameter.getKey());
            }
        }
        return true;
    }

    /** An ErrorResponse, so that handlers answering in other formats (Open311) keep its status and detail. */
    private static ErrorResponseException refused(String parameter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The parameter '" + parameter.replace('\0', '�') + "' contains a NUL character (%00), which text may not hold.");
        problem.setType(URI.create("urn:chizu:problem:nul-in-text"));
        problem.setTitle("NUL character in text");
        problem.setProperty("parameter", parameter.replace('\0', '�'));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
