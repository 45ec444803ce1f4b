package org.chizu.accounts;

import java.time.Instant;

/**
 * A personal API token as it may be listed: never the token itself, which is not stored.
 *
 * @param id         the number that {@code ./chizu user token revoke} takes
 * @param label      what the token is for
 * @param lastUsedAt when it last authenticated a request (to the minute); null when never
 */
public record ApiToken(long id, String label, Instant createdAt, Instant lastUsedAt) {
}
