package org.chizu.sensors.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Which hosts a webhook may call. A webhook URL comes from a staff member but is called by the server,
 * from inside the town's network: an address there (the database, a cloud's metadata service at
 * 169.254.169.254, an office router) would let a URL reach what the network's edge protects. So a host
 * whose addresses include a loopback, link-local, private (RFC 1918, fc00::/7), unspecified or
 * multicast one is refused, unless the town named it in {@code chizu.sensors.webhooks.allowed-private-hosts}
 * for its own intranet. The name is resolved at each check, as it may point elsewhere later.
 */
@Component
class WebhookDestinations {

    private final Set<String> allowedPrivateHosts;

    WebhookDestinations(WebhookProperties properties) {
        this.allowedPrivateHosts = properties.allowedPrivateHosts().stream().map(WebhookDestinations::normalised).collect(Collectors.toSet());
    }

    /**
     * Why the URL's host may not be called ("localhost resolves to 127.0.0.1, a loopback address"), or
     * empty when it may. A name that does not resolve is not refused here: there is nothing to call, and
     * the POST fails.
     */
    Optional<String> refusal(URI url) {
        String host = normalised(url.getHost());
        if (allowedPrivateHosts.contains(host)) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                Optional<String> kind = internalKind(address);
                if (kind.isPresent()) {
                    String where = address.getHostAddress();
                    return Optional.of((host.equals(where) ? where : host + " resolves to " + where) + ", " + kind.get());
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** What kind of address inside a network this is, or empty for an address on the internet. */
    private static Optional<String> internalKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress() || address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc) {
            return Optional.of("a private address");
        }
        // 0.0.0.0/8 means "this network" and reaches this machine, as :: does.
        if (address.isAnyLocalAddress() || address.getAddress().length == 4 && address.getAddress()[0] == 0) {
            return Optional.of("an unspecified address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    /** A host as URLs and the setting may write it: without an IPv6 literal's brackets, in lower case. */
    private static String normalised(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT);
    }
}
