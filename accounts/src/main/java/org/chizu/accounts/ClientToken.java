package org.chizu.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * A valid token of an enabled device or API client, without the token itself.
 *
 * @param clientName the device or API client
 * @param tokenHash  the token's SHA-256, as {@link ClientTokenIssued} gave it
 * @param scopes     the client's scopes
 * @param issuedAt   when the token was issued
 */
public record ClientToken(String clientName, String tokenHash, Set<String> scopes, Instant issuedAt) {
}
