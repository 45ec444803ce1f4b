package org.chizu.platform.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The base URL of this site ({@code scheme://host[:port]/context}) for a request, without a trailing
 * slash: the configured {@code chizu.public-url}; else, with {@code chizu.trust-forwarded-headers},
 * what the proxy's {@code Forwarded}/{@code X-Forwarded-*} headers say; else the request's own address
 * when its {@code Host} names loopback, the address the server listens on or an allowed host; else
 * {@code http://localhost:PORT}. {@link PublicAddressFilter} hands every request on with this
 * address, so whatever builds links from the request ({@code ServletUriComponentsBuilder}) gets it.
 */
@Component
@EnableConfigurationProperties(PublicAddressProperties.class)
public class PublicBaseUrl {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private final PublicAddressProperties properties;

    public PublicBaseUrl(PublicAddressProperties properties) {
        this.properties = properties;
    }

    /** The base URL for the request being served on this thread. */
    public String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return properties.publicUrl() != null ? withoutTrailingSlash(properties.publicUrl().toString()) : "http://localhost";
    }

    public String of(HttpServletRequest request) {
        return withoutTrailingSlash(base(request).toString()) + request.getContextPath();
    }

    /** Scheme, host and port only. */
    URI base(HttpServletRequest request) {
        if (properties.publicUrl() != null) {
            URI configured = properties.publicUrl();
            return URI.create(configured.getScheme() + "://" + configured.getRawAuthority());
        }
        UriComponents asReceived = UriComponentsBuilder.fromUriString(request.getRequestURL().toString()).replacePath(null).build();
        if (properties.trustForwardedHeaders()) {
            ServletServerHttpRequest http = new ServletServerHttpRequest(request);
            return ForwardedHeaderUtils.adaptFromForwardedHeaders(asReceived.toUri(), http.getHeaders())
                    .replacePath(null).replaceQuery(null).build().toUri();
        }
        if (trustedHost(request)) {
            return asReceived.toUri();
        }
        return URI.create("http://localhost:" + request.getLocalPort());
    }

    private boolean trustedHost(HttpServletRequest request) {
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return true;
        }
        String hostAndPort = host + ":" + request.getServerPort();
        if (properties.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(allowed -> allowed.equals(host) || allowed.equals(hostAndPort))) {
            return true;
        }
        return literal(host).filter(address -> address.isLoopbackAddress()
                || literal(request.getLocalAddr()).map(address::equals).orElse(false)).isPresent();
    }

    /**
     * The address a host names when it is an IP literal. Only literals are read (which needs no DNS), so a
     * {@code Host} header never makes the server ask DNS.
     */
    private static Optional<InetAddress> literal(String host) {
        if (host == null || !(IPV4.matcher(host).matches() || host.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
