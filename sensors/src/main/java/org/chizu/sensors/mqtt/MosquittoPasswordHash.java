package org.chizu.sensors.mqtt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password as Mosquitto 2's password file keeps it, as {@code mosquitto_passwd} writes it:
 * {@code $7$<iterations>$<salt>$<hash>}, PBKDF2-HMAC-SHA512 with a 12-byte random salt, both in
 * base64.
 */
final class MosquittoPasswordHash {

    private static final int ITERATIONS = 101;
    private static final SecureRandom random = new SecureRandom();

    private MosquittoPasswordHash() {
    }

    static String of(String password) {
        byte[] salt = new byte[12];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return "$7$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash(password, salt, ITERATIONS));
    }

    /** Whether this hash, as {@link #of} or {@code mosquitto_passwd} made it, is of this password. */
    static boolean matches(String stored, String password) {
        String[] parts = stored.split("\\$");
        if (parts.length != 5 || !parts[1].equals("7")) {
            return false;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            return MessageDigest.isEqual(base64.decode(parts[4]), hash(password, base64.decode(parts[3]), Integer.parseInt(parts[2])));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 512)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA512", e);
        }
    }
}
