package org.chizu.opendata;

import org.chizu.gis.layer.UnknownLayerException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The application as open-data's tests run it: every module on the classpath, without the app
 * module (which depends on this one). The accounts module's security configuration is not
 * written yet, so Spring Boot's default lock-down is left out and requests arrive as the public.
 */
@SpringBootApplication(scanBasePackages = "org.chizu", exclude = {SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan("org.chizu")
public class OpenDataTestApplication {

    /**
     * Stands in for the app module's ProblemHandler, which these tests cannot reach: like it, Spring's
     * own errors through the base class, plus the two mappings the downloads rely on (unknown layer →
     * 404, bad parameter → 400).
     */
    @RestControllerAdvice
    static class ProblemMappingAsInApp extends ResponseEntityExceptionHandler {

        @ExceptionHandler
        ProblemDetail unknownLayer(UnknownLayerException e) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        }

        @ExceptionHandler
        ProblemDetail badArgument(IllegalArgumentException e) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
