package org.chizu.reports.web;

import java.io.IOException;

import org.chizu.platform.Label;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportsProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import io.undertow.server.handlers.form.MultiPartParserDefinition.FileTooLargeException;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a submission larger than a report can be (413 problem+json): from its declared length
 * before a byte of it is read, and as soon as a photo passes its limit while it arrives (counted by
 * the parser {@link SubmissionUploadLimits} attaches). The body is read here, ahead of the handler,
 * so that the answer can name the limit and the connection be closed at once, leaving the rest of
 * an oversized upload unread rather than drained. A submission that does not declare its length is
 * refused too (411), as its size could only be learnt by reading it.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SubmissionSizeLimit extends OncePerRequestFilter {

    /** Room for the text fields and the multipart framing beside the photos. */
    private static final long FORM_BYTES = 64 * 1024;

    private final long maxBytes;
    private final long megabytes;
    private final HandlerExceptionResolver problems;

    SubmissionSizeLimit(ReportsProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.maxBytes = ReportsProperties.MAX_PHOTOS * properties.maxPhotoBytes() + FORM_BYTES;
        this.megabytes = properties.maxPhotoBytes() / (1024 * 1024);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SubmissionUploadLimits.isSubmission(request.getMethod(), request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared < 0) {
            refuse(request, response, new ReportProblem(HttpStatus.LENGTH_REQUIRED, "length-required", "Length required",
                    new Label("送信の大きさ（Content-Length）が必要です。", "A submission must declare its size (Content-Length).")));
            return;
        }
        if (declared > maxBytes) {
            refuse(request, response, tooLarge());
            return;
        }
        if (request.getContentType() != null && request.getContentType().startsWith("multipart/form-data")) {
            try {
                request.getParts();
            } catch (IllegalStateException | IOException e) {
                ReportProblem refusal = refusalFor(e);
                if (refusal != null) {
                    refuse(request, response, refusal);
                    return;
                }
                // Any other failure is met again by the handler's multipart resolver, which answers it.
            }
        }
        chain.doFilter(request, response);
    }

    /** The problem for a photo that reached its limit while it was read, or null for another failure. */
    private ReportProblem refusalFor(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileTooLargeException) {
                return new ReportProblem(HttpStatus.PAYLOAD_TOO_LARGE, "photo-too-large", "Photo too large",
                        new Label("写真は1枚 " + megabytes + " MB までです。", "A photo may be at most " + megabytes + " MB."));
            }
        }
        return null;
    }

    private ReportProblem tooLarge() {
        return new ReportProblem(HttpStatus.PAYLOAD_TOO_LARGE, "submission-too-large", "Submission too large", new Label(
                "送信が大きすぎます。写真は1枚 " + megabytes + " MB まで、" + ReportsProperties.MAX_PHOTOS + " 枚までです。",
                "The submission is too large: up to " + ReportsProperties.MAX_PHOTOS + " photos of " + megabytes + " MB each."));
    }

    /** Answers, and has Undertow close the connection after the answer instead of reading on. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, ReportProblem problem) {
        ServletRequestContext undertow = ServletRequestContext.current();
        if (undertow != null) {
            undertow.getExchange().setPersistent(false);
        }
        problems.resolveException(request, response, null, problem);
    }
}
