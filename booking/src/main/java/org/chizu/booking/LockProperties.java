package org.chizu.booking;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The smart-lock provider ({@code chizu.booking.lock.*}).
 *
 * @param providerUrl the provider's API (RemoteLOCK-style); no PINs are issued without it
 * @param apiToken    sent as a bearer token
 * @param margin      how long before and after the booking the PIN opens the door (15 minutes)
 * @param issueAhead  how long before the booking the PIN is issued (24 hours)
 */
@ConfigurationProperties("chizu.booking.lock")
public record LockProperties(URI providerUrl, String apiToken, Duration margin, Duration issueAhead) {

    public LockProperties {
        margin = margin == null ? Duration.ofMinutes(15) : margin;
        issueAhead = issueAhead == null ? Duration.ofHours(24) : issueAhead;
    }
}
