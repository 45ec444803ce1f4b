package org.chizu.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before any handler answers a failure: a handler that failed after naming the type of the answer it
 * meant to give (GeoJSON, CSV, a page …) would otherwise have its problem sent under that type, or not
 * at all when no converter writes a problem as CSV. Its answer becomes problem+json; a handler that had
 * named none keeps choosing its own error format (Open311's XML …). Either way the headers that
 * describe the answer it did not give go: a download's file name, which would have the browser save
 * the problem as {@code roads.csv}, and its validators (the download's ETag, set while checking
 * If-None-Match before the download began), which a cache would otherwise keep for the problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemContentType implements HandlerExceptionResolver {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (response.isCommitted()) {
            return null;
        }
        if (response.getContentType() != null) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        // A null value removes the header (Servlet 6).
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, null);
        response.setHeader(HttpHeaders.ETAG, null);
        response.setHeader(HttpHeaders.LAST_MODIFIED, null);
        return null;
    }
}
