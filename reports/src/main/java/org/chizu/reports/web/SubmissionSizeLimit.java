package org.chizu.reports.web;

import java.io.IOException;
import java.util.Set;

import org.chizu.platform.Label;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportsProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a submission larger than a report can be (its photos at the largest size each, and its
 * text) from its declared length, before a byte of it is read: a 30 MB photo is not uploaded to be
 * refused afterwards. The application-wide multipart limits are sized for layer imports, so this
 * one is kept here. A submission that does not declare its length is refused too (411), since its
 * size could only be learnt by reading it. Both answers are problem+json.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SubmissionSizeLimit extends OncePerRequestFilter {

    /** Room for the text fields and the multipart framing beside the photos. */
    static final long FORM_BYTES = 64 * 1024;
    private static final Set<String> SUBMISSIONS = Set.of("/api/reports", "/open311/v2/requests.json",
            "/open311/v2/requests.xml");

    private final long maxBytes;
    private final long maxPhotoBytes;
    private final HandlerExceptionResolver problems;

    SubmissionSizeLimit(ReportsProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.maxPhotoBytes = properties.maxPhotoBytes();
        this.maxBytes = ReportsProperties.MAX_PHOTOS * maxPhotoBytes + FORM_BYTES;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !SUBMISSIONS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared < 0) {
            problems.resolveException(request, response, null, new ReportProblem(HttpStatus.LENGTH_REQUIRED,
                    "length-required", "Length required", new Label("送信の大きさ（Content-Length）が必要です。",
                            "A submission must declare its size (Content-Length).")));
        } else if (declared > maxBytes) {
            long megabytes = maxPhotoBytes / (1024 * 1024);
            problems.resolveException(request, response, null, new ReportProblem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "submission-too-large", "Submission too large", new Label(
                            "送信が大きすぎます。写真は1枚 " + megabytes + " MB まで、" + ReportsProperties.MAX_PHOTOS + " 枚までです。",
                            "The submission is too large: up to " + ReportsProperties.MAX_PHOTOS + " photos of "
                                    + megabytes + " MB each.")));
        } else {
            chain.doFilter(request, response);
        }
    }
}
