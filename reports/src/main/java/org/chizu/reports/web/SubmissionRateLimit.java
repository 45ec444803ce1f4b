package org.chizu.reports.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.chizu.platform.Label;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits how fast one client address may submit (reports, "+1"s, Open311 requests): a token
 * bucket per address, refused with 429 problem+json (an Open311 error body on that API). Reading is
 * never limited. Addresses are those the server sees; behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that they are the residents' own.
 */
@Component
class SubmissionRateLimit implements HandlerInterceptor {

    /** Past this many tracked addresses, full (idle) buckets are dropped so memory stays bounded. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ReportsProperties.RateLimit limit;

    SubmissionRateLimit(ReportsProperties properties) {
        this.limit = properties.rateLimit();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.burst());
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> newBucket());
        if (!bucket.tryConsume(1)) {
            throw new ReportProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-reports", "Too many submissions",
                    new Label("短い時間に送信が多すぎます。しばらくしてからもう一度お試しください。",
                            "Too many submissions from this address in a short time; please try again later."));
        }
        return true;
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.burst())
                .refillGreedy(limit.perHour(), Duration.ofHours(1)).build()).build();
    }
}
