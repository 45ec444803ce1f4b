package org.chizu.sensors.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, as Stripe signs its own: header {@value #HEADER} carries
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC of {@code "<t>.<body>"} (the timestamp, a
 * dot and the exact bytes of the body, UTF-8) keyed with the webhook's secret. A receiver computes
 * the same HMAC, compares it in constant time, and refuses a timestamp more than a few minutes from
 * its clock, so a captured delivery cannot be replayed later. Each attempt is signed afresh.
 */
final class WebhookSignature {

    static final String HEADER = "Chizu-Signature";

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code unixSeconds}. */
    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
