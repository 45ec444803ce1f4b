package org.chizu.reports.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the submission rate limit in front of every path that accepts a report. */
@Configuration(proxyBeanMethods = false)
class ReportWebConfiguration implements WebMvcConfigurer {

    private final SubmissionRateLimit rateLimit;

    ReportWebConfiguration(SubmissionRateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit)
                .addPathPatterns("/api/reports", "/api/reports/*/supporters", "/open311/v2/requests.*");
    }
}
