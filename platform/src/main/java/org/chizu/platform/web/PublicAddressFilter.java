package org.chizu.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Hands every request on as if it had reached {@link PublicBaseUrl}'s address: its scheme, host, port,
 * {@code Host} header and request URL are the public ones. So every link a module builds from the
 * request, and the CSRF cookie's {@code Secure} flag, follow the configured address and never a
 * {@code Host} header someone made up. Redirects keep their location relative (as RFC 9110 allows),
 * instead of the web server completing it from the {@code Host} header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicAddressFilter extends OncePerRequestFilter {

    private final PublicBaseUrl publicBaseUrl;

    PublicAddressFilter(PublicBaseUrl publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new AtPublicAddress(request, publicBaseUrl.base(request)), new RelativeRedirects(request, response));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static final class AtPublicAddress extends HttpServletRequestWrapper {

        private final URI base;

        AtPublicAddress(HttpServletRequest request, URI base) {
            super(request);
            this.base = base;
        }

        @Override
        public String getScheme() {
            return base.getScheme();
        }

        @Override
        public boolean isSecure() {
            return "https".equals(base.getScheme());
        }

        @Override
        public String getServerName() {
            return base.getHost();
        }

        @Override
        public int getServerPort() {
            return base.getPort() != -1 ? base.getPort() : isSecure() ? 443 : 80;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(base.getScheme()).append("://").append(base.getRawAuthority()).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? base.getRawAuthority() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? Collections.enumeration(List.of(base.getRawAuthority()))
                    : super.getHeaders(name);
        }
    }

    private static final class RelativeRedirects extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        RelativeRedirects(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("the response is committed; it cannot redirect any more");
            }
            resetBuffer();
            boolean absolute = URI.create(location).isAbsolute() || location.startsWith("/");
            setStatus(HttpServletResponse.SC_FOUND);
            setHeader(HttpHeaders.LOCATION, absolute ? location : URI.create(request.getRequestURI()).resolve(location).toString());
            flushBuffer();
        }
    }
}
