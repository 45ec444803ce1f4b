package org.chizu.accounts;

/**
 * A just-issued personal API token in clear text; only its SHA-256 hash is stored, so it cannot be
 * shown again.
 *
 * @param accountName whose token it is
 * @param label       what the token is for ("QGIS on the GIS office PC")
 * @param token       the token, sent as {@code Authorization: Bearer <token>}
 */
public record NewToken(String accountName, String label, String token) {
}
