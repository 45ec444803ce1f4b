package org.chizu.booking;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The online payment provider ({@code chizu.booking.payment.*}).
 *
 * @param providerUrl      the provider's API; online payment is unavailable without it
 * @param apiKey           sent as a bearer token to the provider
 * @param webhookSecret    the shared secret the provider signs its notifications with (HMAC-SHA256)
 * @param webhookTolerance how old a signed notification may be (5 minutes), against replays
 */
@ConfigurationProperties("chizu.booking.payment")
public record PaymentProperties(URI providerUrl, String apiKey, String webhookSecret, Duration webhookTolerance) {

    public PaymentProperties {
        webhookTolerance = webhookTolerance == null ? Duration.ofMinutes(5) : webhookTolerance;
    }
}
