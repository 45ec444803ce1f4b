package org.chizu.forestry.discovery;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An item search given as GET parameters (and a collection's items, which take the same):
 * {@code bbox=west,south,east,north}, {@code datetime} (an RFC 3339 instant or {@code start/end},
 * either end {@code ..}), {@code ids} and {@code collections} (comma lists), {@code sortby}
 * ({@code -datetime,+id}: a sign, then the field), {@code fields} ({@code properties.pc:count,-geometry}:
 * included, and with a '-' excluded), {@code limit} (1–{@value StacQuery#MAX_LIMIT},
 * default {@value StacQuery#DEFAULT_LIMIT}) and {@code offset} (where the next page starts, as its
 * {@code next} link says). {@code intersects} needs a geometry, so it is taken by POST only.
 */
final class SearchParameters {

    private SearchParameters() {
    }

    /**
     * @param parameter a parameter's value, empty when not given or blank
     * @throws StacProblem naming the first parameter that cannot be read
     */
    static StacQuery read(Function<String, Optional<String>> parameter) {
        if (parameter.apply("intersects").isPresent()) {
            throw StacProblem.badParameter("intersects", parameter.apply("intersects").get(),
                    "send 'intersects' as a GeoJSON geometry in a POST to /stac/search, or use 'bbox'");
        }
        Optional<double[]> bbox = parameter.apply("bbox").map(StacQuery::box);
        List<Optional<Instant>> interval = parameter.apply("datetime").map(StacQuery::interval)
                .orElse(List.of(Optional.empty(), Optional.empty()));
        List<StacQuery.SortKey> sortby = list(parameter.apply("sortby")).stream().map(SearchParameters::sortKey).toList();
        return new StacQuery(bbox, Optional.empty(), interval.get(0), interval.get(1), list(parameter.apply("ids")),
                list(parameter.apply("collections")), sortby, fields(parameter.apply("fields")), number(parameter, "limit", StacQuery.DEFAULT_LIMIT, 1, StacQuery.MAX_LIMIT),
                number(parameter, "offset", 0, 0, Integer.MAX_VALUE));
    }

    /** {@code -field} falls; {@code +field} (a space, once a URL's '+' is decoded) and a bare field rise. */
    private static StacQuery.SortKey sortKey(String text) {
        boolean descending = text.startsWith("-");
        String field = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        return StacQuery.SortKey.of(field.strip(), descending);
    }

    private static ItemFields fields(Optional<String> text) {
        if (text.isEmpty()) {
            return ItemFields.WHOLE;
        }
        List<String> fields = list(text);
        return ItemFields.of(fields.stream().filter(field -> !field.startsWith("-")).map(field -> field.startsWith("+") ? field.substring(1) : field)
                .toList(), fields.stream().filter(field -> field.startsWith("-")).map(field -> field.substring(1)).toList());
    }

    private static List<String> list(Optional<String> text) {
        return text.map(t -> Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private static int number(Function<String, Optional<String>> parameter, String name, int fallback, int min, int max) {
        Optional<String> text = parameter.apply(name);
        if (text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.get().strip());
        } catch (NumberFormatException e) {
            value = Long.MIN_VALUE; // refused below, with the range
        }
        return StacQuery.whole(name, value, text.get(), min, max);
    }
}
