package org.chizu.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates passwords and API tokens, and hashes tokens for storage and lookup. */
final class Secrets {

    /** Marks a string as a Chizu token, so secret scanners and people recognise a leaked one. */
    static final String TOKEN_PREFIX = "chizu_";

    private static final int TOKEN_BYTES = 32;
    private static final int PASSWORD_BYTES = 18;

    private static final SecureRandom random = new SecureRandom();
    private static final Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** 24 URL-safe characters (144 random bits): strong, and easy to copy from a terminal. */
    static String newPassword() {
        return randomText(PASSWORD_BYTES);
    }

    /** {@code chizu_} and 43 URL-safe characters (256 random bits). */
    static String newToken() {
        return TOKEN_PREFIX + randomText(TOKEN_BYTES);
    }

    /**
     * The SHA-256 of the whole token as 64 lower-case hex digits. A token has 256 random bits, so a
     * fast unsalted hash is enough for it (unlike a password) and lets a request find its token by
     * an indexed lookup.
     */
    static String tokenHash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return base64url.encodeToString(value);
    }
}
