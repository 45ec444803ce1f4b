package org.chizu.reports.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The API keys Open311 clients send to POST requests (table {@code open311_api_key}). A key is shown
 * once when issued; only its SHA-256 hash is stored.
 */
@Repository
public class Open311ApiKeys {

    private static final String PREFIX = "o311_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public Open311ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a key for a client ("FixMyStreet Japan") and returns it; it cannot be read again. */
    public String issue(String client) {
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("name the client the key is for");
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = PREFIX + HexFormat.of().formatHex(secret);
        jdbc.update("insert into open311_api_key (key_hash, client) values (?, ?)", hash(key), client.strip());
        return key;
    }

    /** The client owning a valid, unrevoked key; empty otherwise. */
    public Optional<String> clientOf(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> clients = jdbc.queryForList(
                "select client from open311_api_key where key_hash = ? and not revoked", String.class, hash(key));
        return clients.stream().findFirst();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
