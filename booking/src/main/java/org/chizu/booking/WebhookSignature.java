package org.chizu.booking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's signature on a notification, {@code Chizu-Signature: t=<unix seconds>,v1=<hex>}: an
 * HMAC-SHA256 under the shared secret of {@code "<t>.<body>"}, so that neither the body nor the time
 * can be changed, and an old notification cannot be replayed beyond the tolerance.
 */
public final class WebhookSignature {

    public static final String HEADER = "Chizu-Signature";

    private WebhookSignature() {
    }

    /** The header value for a body signed at a time (what a provider sends). */
    public static String sign(String secret, Instant at, String body) {
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac(secret, at.getEpochSecond() + "." + body));
    }

    /** Whether the header is a valid signature of the body made within the tolerance of now. */
    public static boolean verifies(String secret, String header, String body, Instant now, Duration tolerance) {
        if (secret == null || secret.isEmpty() || header == null) {
            return false;
        }
        Long time = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                time = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1") && pair[1].matches("[0-9a-f]{64}")) {
                given = HexFormat.of().parseHex(pair[1]);
            }
        }
        if (time == null || given == null || Duration.between(Instant.ofEpochSecond(time), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(secret, time + "." + body));
    }

    private static byte[] mac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
