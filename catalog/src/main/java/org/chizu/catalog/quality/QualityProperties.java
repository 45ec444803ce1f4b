package org.chizu.catalog.quality;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the metadata-quality score.
 *
 * @param checkLinks    whether the catalog's access and download URLs are requested to see that
 *                      they answer; off where the server cannot reach its own public address (the
 *                      accessibility metrics then stay unmeasured)
 * @param checkInterval how often every URL is checked again; a layer's URLs are also checked again
 *                      soon after its data changed
 * @param checkTimeout  how long one URL may take to answer
 */
@ConfigurationProperties("chizu.catalog.quality")
public record QualityProperties(Boolean checkLinks, Duration checkInterval, Duration checkTimeout) {

    public QualityProperties {
        checkLinks = checkLinks == null || checkLinks;
        checkInterval = checkInterval == null ? Duration.ofHours(6) : checkInterval;
        checkTimeout = checkTimeout == null ? Duration.ofSeconds(10) : checkTimeout;
        if (checkInterval.isNegative() || checkInterval.isZero() || checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("chizu.catalog.quality.check-interval and check-timeout must be positive");
        }
    }
}
