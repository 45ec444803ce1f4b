package org.chizu.opendata;

import java.time.Instant;
import java.util.Objects;

/**
 * The versions of a layer still on record, by the time each came into force: the oldest that can
 * be reconstructed and the one in force now. Invariant: oldest ≤ current.
 */
public record VersionSpan(Instant oldest, Instant current) {

    public VersionSpan {
        Objects.requireNonNull(oldest, "oldest");
        Objects.requireNonNull(current, "current");
        if (oldest.compareTo(current) > 0) {
            throw new IllegalArgumentException("the oldest version is newer than the current one");
        }
    }
}
