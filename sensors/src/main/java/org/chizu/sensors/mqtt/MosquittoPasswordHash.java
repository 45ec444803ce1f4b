package org.chizu.sensors.mqtt;

import java.security.GeneralSecurityException;
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
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 512)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "$7$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA512", e);
        }
    }
}
