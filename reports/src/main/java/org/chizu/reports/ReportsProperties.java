package org.chizu.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of citizen reports ({@code chizu.reports.*}); the defaults run out of the box.
 *
 * @param maxPhotoBytes       the largest photo upload accepted, in bytes (10 MB: a phone's full-size JPEG)
 * @param maxDescriptionChars the longest description accepted
 * @param rateLimit           how many submissions one client address may make
 * @param open311             the Open311 GeoReport v2 endpoint's settings
 */
@ConfigurationProperties("chizu.reports")
public record ReportsProperties(Long maxPhotoBytes, Integer maxDescriptionChars, RateLimit rateLimit, Open311 open311) {

    /** A report carries at most this many photos. */
    public static final int MAX_PHOTOS = 3;

    public ReportsProperties {
        maxPhotoBytes = maxPhotoBytes == null ? 10L * 1024 * 1024 : maxPhotoBytes;
        maxDescriptionChars = maxDescriptionChars == null ? 2000 : maxDescriptionChars;
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        open311 = open311 == null ? new Open311(null, null, null) : open311;
        if (maxPhotoBytes < 1024 || maxDescriptionChars < 1 || maxDescriptionChars > 2000) {
            throw new IllegalArgumentException("chizu.reports needs max-photo-bytes of at least 1024 and "
                    + "max-description-chars between 1 and 2000");
        }
    }

    /** Defaults of a town that has not set anything. */
    public static ReportsProperties defaults() {
        return new ReportsProperties(null, null, null, null);
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
}
