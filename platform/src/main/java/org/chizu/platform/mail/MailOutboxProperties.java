package org.chizu.platform.mail;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the queued e-mails to residents are sent and retried ({@code chizu.mail.*}); the defaults run
 * out of the box. The SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from          the sender of every e-mail to residents
 * @param pollInterval  how long each process waits between looks for e-mails that are due
 * @param retryDelays   the wait after the first, second … failed attempt; the last one repeats
 * @param maxAttempts   after this many failed attempts an e-mail is given up (and an error logged)
 * @param keepFor       how long a sent or given-up e-mail (with the resident's address) stays in the
 *                      outbox before it is deleted
 * @param purgeInterval how often each process deletes those; keep-for is measured in days, so there
 *                      is no need to look every poll
 */
@ConfigurationProperties("chizu.mail")
public record MailOutboxProperties(String from, Duration pollInterval, List<Duration> retryDelays, Integer maxAttempts, Duration keepFor,
        Duration purgeInterval) {

    public MailOutboxProperties {
        from = from == null ? "chizu@localhost" : from;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        retryDelays = retryDelays == null || retryDelays.isEmpty()
                ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6))
                : List.copyOf(retryDelays);
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        keepFor = keepFor == null ? Duration.ofDays(30) : keepFor;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        if (!pollInterval.isPositive() || maxAttempts < 1 || !retryDelays.stream().allMatch(Duration::isPositive)
                || !keepFor.isPositive() || !purgeInterval.isPositive()) {
            throw new IllegalArgumentException("chizu.mail needs a positive poll-interval, retry-delays, "
                    + "keep-for and purge-interval and max-attempts of at least 1");
        }
    }

    /** How long to wait after an e-mail's {@code failedAttempts}-th failure (1 or more). */
    public Duration retryDelayAfter(int failedAttempts) {
        return retryDelays.get(Math.min(failedAttempts, retryDelays.size()) - 1);
    }
}
