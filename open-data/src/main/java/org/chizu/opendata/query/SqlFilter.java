package org.chizu.opendata.query;

import java.util.List;
import java.util.Objects;

/**
 * An extra condition for a feature query, for query languages built on top of this core (CQL2).
 * The fragment refers to the layer's columns as {@code f."column"} and holds one {@code ?} per
 * value; it must be built from registry identifiers only, never from client text.
 *
 * @param sql    a boolean SQL expression
 * @param values the values bound to its placeholders, in order
 */
public record SqlFilter(String sql, List<Object> values) {

    public SqlFilter {
        Objects.requireNonNull(sql, "sql");
        values = List.copyOf(values);
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != values.size()) {
            throw new IllegalArgumentException("filter has " + placeholders + " placeholders but " + values.size() + " values");
        }
    }
}
