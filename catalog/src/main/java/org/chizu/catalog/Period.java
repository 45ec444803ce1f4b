package org.chizu.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The time a dataset's data covers, from its first to its last day (both included). Invariant:
 * start ≤ end.
 */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("a period cannot end (" + end + ") before it starts (" + start + ")");
        }
    }
}
