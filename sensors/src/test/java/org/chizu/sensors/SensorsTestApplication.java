package org.chizu.sensors;

import java.security.Principal;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sensors module with the shared problem+json handler and the platform's live events, and
 * nothing else: the application module (which adds who may write) depends on this one, so the tests
 * cannot start it. A request's {@value #STAFF_HEADER} header stands for a signed-in staff member.
 */
@SpringBootApplication(scanBasePackages = {"org.chizu.sensors", "org.chizu.platform.web", "org.chizu.platform.mail"})
@ConfigurationPropertiesScan("org.chizu")
class SensorsTestApplication {

    static final String STAFF_HEADER = "X-Test-Staff";

    /** Publishing live events, without the stream that serves them. */
    @Configuration
    @ComponentScan(basePackages = "org.chizu.platform.events", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.events\\.(LiveEvents|EventLog)"))
    static class LiveEventsOnly {
    }

    @Bean
    RequestAudience audience() {
        return () -> RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getHeader(STAFF_HEADER) != null ? Audience.STAFF : Audience.PUBLIC;
    }

    @Bean
    Filter signedInStaff() {
        return (request, response, chain) -> {
            String staff = ((HttpServletRequest) request).getHeader(STAFF_HEADER);
            chain.doFilter(staff == null ? request : new HttpServletRequestWrapper((HttpServletRequest) request) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> staff;
                }
            }, response);
        };
    }
}
