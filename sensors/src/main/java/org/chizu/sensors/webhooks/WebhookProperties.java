package org.chizu.sensors.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How alert webhooks are delivered ({@code chizu.sensors.webhooks.*}); the defaults run out of the box.
 *
 * @param pollInterval how long each process waits between looks for deliveries that are due (1 s)
 * @param timeout      how long one POST may take, connecting included (10 s)
 * @param retryDelays  the wait after the first, second … failed attempt; the last one repeats
 *                     (10 s, 1 min, 5 min, 30 min, 2 h, then every 6 h)
 * @param maxAttempts  after this many failed attempts a delivery is given up, with an error in the log (12)
 * @param keepFor      how long delivered and given-up deliveries are kept for staff to look at (7 days)
 * @param allowedPrivateHosts the hosts (names or addresses, as URLs write them) that may be called although
 *                     they are inside a network, for a town's own intranet (none: {@link WebhookDestinations})
 */
@ConfigurationProperties("chizu.sensors.webhooks")
record WebhookProperties(Duration pollInterval, Duration timeout, List<Duration> retryDelays, Integer maxAttempts, Duration keepFor,
        List<String> allowedPrivateHosts) {

    WebhookProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retryDelays = retryDelays == null || retryDelays.isEmpty()
                ? List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                        Duration.ofHours(6))
                : List.copyOf(retryDelays);
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        keepFor = keepFor == null ? Duration.ofDays(7) : keepFor;
        allowedPrivateHosts = allowedPrivateHosts == null ? List.of() : List.copyOf(allowedPrivateHosts);
        if (!pollInterval.isPositive() || !timeout.isPositive() || maxAttempts < 1 || !retryDelays.stream().allMatch(Duration::isPositive)
                || !keepFor.isPositive()) {
            throw new IllegalArgumentException("chizu.sensors.webhooks needs a positive poll-interval, timeout, retry-delays and keep-for "
                    + "and max-attempts of at least 1");
        }
    }

    /** How long to wait after a delivery's {@code failedAttempts}-th failure (1 or more). */
    Duration retryDelayAfter(int failedAttempts) {
        return retryDelays.get(Math.min(failedAttempts, retryDelays.size()) - 1);
    }
}
