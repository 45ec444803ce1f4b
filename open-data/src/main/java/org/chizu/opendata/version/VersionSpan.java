package org.chizu.opendata.version;

import java.util.Objects;

/**
 * The versions of a layer still on record: the oldest that can be reconstructed and the one in
 * force now. Invariant: oldest ≤ current.
 */
public record VersionSpan(LayerVersion oldest, LayerVersion current) {

    public VersionSpan {
        Objects.requireNonNull(oldest, "oldest");
        Objects.requireNonNull(current, "current");
        if (oldest.compareTo(current) > 0) {
            throw new IllegalArgumentException("the oldest version is newer than the current one");
        }
    }
}
