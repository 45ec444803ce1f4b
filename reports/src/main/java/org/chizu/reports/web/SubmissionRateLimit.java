package org.chizu.reports.web;

import java.time.Duration;

import org.chizu.platform.Label;
import org.chizu.platform.web.AddressRateLimit;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits how fast one client address may submit (reports, "+1"s, Open311 requests), refused with
 * 429 problem+json (an Open311 error body on that API). Only what was taken counts: a submission
 * refused for its content (a missing pin, a photo too large …) gives its token back, so a resident
 * correcting a form is never locked out. Reading is never limited.
 */
@Component
class SubmissionRateLimit implements HandlerInterceptor {

    private final AddressRateLimit limit;

    SubmissionRateLimit(ReportsProperties properties) {
        ReportsProperties.RateLimit settings = properties.rateLimit();
        this.limit = new AddressRateLimit(settings.burst(), settings.perHour(), Duration.ofHours(1));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        if (!limit.tryTake(request.getRemoteAddr())) {
            throw new ReportProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-reports", "Too many submissions",
                    new Label("短い時間に送信が多すぎます。しばらくしてからもう一度お試しください。",
                            "Too many submissions from this address in a short time; please try again later."));
        }
        return true;
    }

    /** Called once the answer is decided, refused ones included (their problem is written by then). */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if ("POST".equals(request.getMethod()) && (failure != null || response.getStatus() >= 400)) {
            limit.giveBack(request.getRemoteAddr());
        }
    }
}
