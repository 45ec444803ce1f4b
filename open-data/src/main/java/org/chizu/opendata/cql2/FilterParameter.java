package org.chizu.opendata.cql2;

import java.util.Locale;

/**
 * The {@code filter} and {@code filter-lang} parameters (OGC API – Features Part 3): CQL2 text by
 * default, or CQL2 JSON.
 */
public final class FilterParameter {

    public static final String TEXT = "cql2-text";
    public static final String JSON = "cql2-json";

    private FilterParameter() {
    }

    /**
     * @return the filter, or null when {@code filter} is null or blank
     * @throws IllegalArgumentException for a language other than cql2-text or cql2-json
     * @throws InvalidFilterException   for a filter that cannot be read, naming where
     */
    public static Cql2.Predicate parse(String filter, String language) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        String lang = language == null || language.isBlank() ? TEXT : language.strip().toLowerCase(Locale.ROOT);
        return switch (lang) {
            case TEXT -> Cql2TextParser.parse(filter);
            case JSON -> Cql2JsonParser.parse(filter);
            default -> throw new IllegalArgumentException("filter-lang '" + language + "' is not offered; use "
                    + TEXT + " (default) or " + JSON);
        };
    }
}
