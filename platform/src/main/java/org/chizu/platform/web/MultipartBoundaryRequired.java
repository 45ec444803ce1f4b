package org.chizu.platform.web;

import java.net.URI;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a multipart body whose Content-Type names no boundary (400 problem+json, as any
 * unreadable multipart body): Undertow reads such a body as an empty form, so a handler would
 * otherwise answer that its fields are missing although they were sent.
 */
@Configuration
class MultipartBoundaryRequired implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return true; // answered by whatever reads the body
        }
        if ("multipart".equals(type.getType()) && !StringUtils.hasText(type.getParameter("boundary")) && !holdsFiles(request)) {
            throw noBoundary();
        }
        return true;
    }

    /**
     * Whether files were found all the same: only a request built in memory, as MockMvc builds one,
     * has its parts without a body to find them in.
     */
    private static boolean holdsFiles(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        return multipart != null && !multipart.getMultiFileMap().isEmpty();
    }

    /** An ErrorResponse, so that handlers answering in other formats (Open311) keep its status and detail. */
    private static ErrorResponseException noBoundary() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The multipart/form-data body cannot be read: its Content-Type has no boundary parameter.");
        problem.setType(URI.create("urn:chizu:problem:bad-multipart"));
        problem.setTitle("Bad multipart body");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
