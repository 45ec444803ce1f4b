package org.chizu.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people reach this server, for the absolute links and addresses it writes (e-mails, OGC links,
 * TileJSON, curl snippets). Never taken from an arbitrary {@code Host} header: that would let anyone
 * put their own site into the links of a page or an e-mail (host header injection).
 *
 * @param publicUrl             the public base URL ({@code CHIZU_PUBLIC_URL}), such as
 *                              {@code https://chizu.town.lg.jp}, without a path; when set, every link uses it, and
 *                              session cookies are {@code Secure} when it is https
 * @param trustForwardedHeaders whether {@code Forwarded} / {@code X-Forwarded-*} headers say the public
 *                              address; only behind a reverse proxy that sets them (and drops the
 *                              client's own)
 * @param allowedHosts          host names (or host:port) besides loopback and the listening address
 *                              that a request may name in its {@code Host} header for its links
 */
@ConfigurationProperties("chizu")
public record PublicAddressProperties(URI publicUrl, boolean trustForwardedHeaders, List<String> allowedHosts) {

    public PublicAddressProperties {
        publicUrl = publicUrl == null || publicUrl.toString().isBlank() ? null : publicUrl;
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null
                || !publicUrl.getScheme().matches("https?"))) {
            throw new IllegalArgumentException("chizu.public-url must be an absolute http(s) URL: " + publicUrl);
        }
        // Links are built from the requests' paths, which start at the server's root.
        if (publicUrl != null && publicUrl.getRawPath() != null && !publicUrl.getRawPath().isEmpty() && !publicUrl.getRawPath().equals("/")) {
            throw new IllegalArgumentException("chizu.public-url must name the site's root, without a path "
                    + "(serve Chizu at the root of its host name): " + publicUrl);
        }
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    /** Whether browsers reach the server over HTTPS for sure, so cookies may be {@code Secure}. */
    public boolean publicUrlIsHttps() {
        return publicUrl != null && "https".equals(publicUrl.getScheme());
    }
}
