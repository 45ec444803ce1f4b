package org.chizu.booking;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Booking settings ({@code chizu.booking.*}).
 *
 * @param zone          the town's time: opening hours and days are read in it (Asia/Tokyo)
 * @param holdFor       how long a hold keeps a slot while the resident confirms (10 minutes)
 * @param payWithin     how long a confirmed booking may stay unpaid before it is released (7 days)
 * @param sweepInterval how often expired holds are marked expired (1 minute)
 */
@ConfigurationProperties("chizu.booking")
public record BookingProperties(ZoneId zone, Duration holdFor, Duration payWithin, Duration sweepInterval) {

    public BookingProperties {
        zone = zone == null ? ZoneId.of("Asia/Tokyo") : zone;
        holdFor = holdFor == null ? Duration.ofMinutes(10) : holdFor;
        payWithin = payWithin == null ? Duration.ofDays(7) : payWithin;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
    }

    public static BookingProperties defaults() {
        return new BookingProperties(null, null, null, null);
    }
}
