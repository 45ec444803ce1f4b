package org.chizu.reports;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of citizen reports ({@code chizu.reports.*}); the defaults run out of the box.
 *
 * @param maxPhotoBytes       the largest photo upload accepted, in bytes (10 MB: a phone's full-size JPEG)
 * @param maxDescriptionChars the longest description accepted
 * @param rateLimit           how many submissions one client address may make
 * @param mailFrom            the sender of the e-mails residents get about their reports
 * @param open311             the Open311 GeoReport v2 endpoint's settings
 * @param mail                how the queued e-mails to residents are sent and retried
 */
@ConfigurationProperties("chizu.reports")
public record ReportsProperties(Long maxPhotoBytes, Integer maxDescriptionChars, RateLimit rateLimit, String mailFrom,
        Open311 open311, Mail mail) {

    /** A report carries at most this many photos. */
    public static final int MAX_PHOTOS = 3;

    public ReportsProperties {
        maxPhotoBytes = maxPhotoBytes == null ? 10L * 1024 * 1024 : maxPhotoBytes;
        maxDescriptionChars = maxDescriptionChars == null ? 2000 : maxDescriptionChars;
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        mailFrom = mailFrom == null ? "chizu@localhost" : mailFrom;
        open311 = open311 == null ? new Open311(null, null, null) : open311;
        mail = mail == null ? new Mail(null, null, null, null, null) : mail;
        if (maxPhotoBytes < 1024 || maxDescriptionChars < 1 || maxDescriptionChars > 2000) {
            throw new IllegalArgumentException("chizu.reports needs max-photo-bytes of at least 1024 and "
                    + "max-description-chars between 1 and 2000");
        }
    }

    /** Defaults of a town that has not set anything. */
    public static ReportsProperties defaults() {
        return new ReportsProperties(null, null, null, null, null, null);
    }

    /**
     * A token bucket per client address: {@code burst} submissions at once, refilled at
     * {@code perHour} an hour.
     */
    public record RateLimit(Integer burst, Integer perHour) {

        public RateLimit {
            burst = burst == null ? 10 : burst;
            perHour = perHour == null ? 30 : perHour;
            if (burst < 1 || perHour < 1) {
                throw new IllegalArgumentException("chizu.reports.rate-limit needs a positive burst and per-hour");
            }
        }
    }

    /**
     * @param jurisdictionId the jurisdiction_id clients may send; another one is refused
     * @param contact        who to ask about the API, shown in discovery
     * @param changeset      when the service list last changed, shown in discovery
     */
    public record Open311(String jurisdictionId, String contact, String changeset) {

        public Open311 {
            jurisdictionId = jurisdictionId == null ? "chizu.localhost" : jurisdictionId;
            contact = contact == null ? "Chizu — 市民通報の窓口 / citizen reports desk" : contact;
            changeset = changeset == null ? "2026-11-21T00:00:00+09:00" : changeset;
        }
    }

    /**
     * The outbox of residents' e-mails ({@code chizu.reports.mail.*}).
     *
     * @param pollInterval how long each process waits between looks for e-mails that are due
     * @param retryDelays  the wait after the first, second … failed attempt; the last one repeats
     * @param maxAttempts  after this many failed attempts an e-mail is given up (and an error logged)
     * @param keepFor      how long a sent or given-up e-mail (with the resident's address) stays in the
     *                     outbox before it is deleted
     * @param purgeInterval how often each process deletes those; keep-for is measured in days, so
     *                     there is no need to look every poll
     */
    public record Mail(Duration pollInterval, List<Duration> retryDelays, Integer maxAttempts, Duration keepFor,
            Duration purgeInterval) {

        public Mail {
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
            retryDelays = retryDelays == null || retryDelays.isEmpty()
                    ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                            Duration.ofHours(6))
                    : List.copyOf(retryDelays);
            maxAttempts = maxAttempts == null ? 10 : maxAttempts;
            keepFor = keepFor == null ? Duration.ofDays(30) : keepFor;
            purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
            if (!pollInterval.isPositive() || maxAttempts < 1 || !retryDelays.stream().allMatch(Duration::isPositive)
                    || !keepFor.isPositive() || !purgeInterval.isPositive()) {
                throw new IllegalArgumentException("chizu.reports.mail needs a positive poll-interval, retry-delays, "
                        + "keep-for and purge-interval and max-attempts of at least 1");
            }
        }

        /** How long to wait after an e-mail's {@code failedAttempts}-th failure (1 or more). */
        public Duration retryDelayAfter(int failedAttempts) {
            return retryDelays.get(Math.min(failedAttempts, retryDelays.size()) - 1);
        }
    }
}
