package org.chizu.sensors.sta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chizu.sensors.SensorsProblem;
import org.chizu.sensors.sta.FilterParser.OrderBy;

/**
 * The query options of one request, or of one $expand within it ({@code Datastreams($filter=…;$top=1)}).
 *
 * @param filter  $filter parsed, or null
 * @param orderBy $orderby parsed, empty for the default (by id)
 * @param top     $top, or null for the server's page size
 * @param skip    $skip
 * @param count   $count=true
 * @param select  $select's names, empty for all properties
 * @param expand  $expand's navigation properties with their own options
 * @param dataArray $resultFormat=dataArray: observations as arrays of values per datastream
 * @param aggregate $aggregate=hour or day (Chizu's extension): a datastream's hourly or daily aggregates
 *                  of valid readings as Observations, or null for the readings themselves
 * @param given   the options as written, to repeat in the next link
 */
record QueryOptions(Expr filter, List<OrderBy> orderBy, Integer top, int skip, boolean count, Set<String> select,
                    List<Expand> expand, boolean dataArray, String aggregate, Map<String, String> given) {

    /** Larger pages are cut to this. */
    static final int MAX_TOP = 10_000;

    static final QueryOptions NONE = new QueryOptions(null, List.of(), null, 0, false, Set.of(), List.of(), false, null, Map.of());

    /** One navigation property to expand, with its options. */
    record Expand(String navigation, QueryOptions options) {
    }

    /** Reads the options of a request: its parameters starting with '$' (others are left alone). */
    static QueryOptions parse(Map<String, String> parameters) {
        Map<String, String> options = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("$")) {
                options.put(name, value);
            }
        });
        return of(options);
    }

    private static QueryOptions of(Map<String, String> options) {
        Expr filter = null;
        List<OrderBy> orderBy = List.of();
        Integer top = null;
        int skip = 0;
        boolean count = false;
        Set<String> select = new LinkedHashSet<>();
        List<Expand> expand = new ArrayList<>();
        boolean dataArray = false;
        String aggregate = null;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue();
            switch (option.getKey()) {
                case "$filter" -> filter = FilterParser.parse("$filter", value);
                case "$orderby" -> orderBy = FilterParser.parseOrder("$orderby", value);
                case "$top" -> top = Math.min(number("$top", value), MAX_TOP);
                case "$skip" -> skip = number("$skip", value);
                case "$count" -> count = bool(value);
                case "$select" -> split(value, ',').forEach(name -> select.add(name.strip()));
                case "$expand" -> split(value, ',').forEach(item -> expand.add(expand(item.strip())));
                case "$resultFormat" -> dataArray = switch (value) {
                    case "dataArray" -> true;
                    case "default" -> false;
                    default -> throw bad("$resultFormat", "'" + value + "' is neither dataArray nor default");
                };
                case "$aggregate" -> aggregate = switch (value) {
                    case "hour", "day" -> value;
                    default -> throw bad("$aggregate", "'" + value + "' is neither hour nor day");
                };
                default -> throw bad(option.getKey(), "unknown query option " + option.getKey()
                        + "; SensorThings knows $filter, $orderby, $top, $skip, $count, $select and $expand (and Chizu $aggregate)");
            }
        }
        return new QueryOptions(filter, orderBy, top, skip, count, Set.copyOf(select), List.copyOf(expand), dataArray, aggregate,
                Map.copyOf(options));
    }

    /** {@code Datastreams/Observations($top=1)} is Datastreams expanding Observations with $top=1. */
    private static Expand expand(String item) {
        int open = item.indexOf('(');
        String path = open < 0 ? item : item.substring(0, open);
        QueryOptions options = NONE;
        if (open >= 0) {
            if (!item.endsWith(")")) {
                throw bad("$expand", "'" + item + "' opens '(' without closing it");
            }
            Map<String, String> nested = new LinkedHashMap<>();
            for (String option : split(item.substring(open + 1, item.length() - 1), ';')) {
                int equals = option.indexOf('=');
                if (equals < 0) {
                    throw bad("$expand", "'" + option + "' in '" + item + "' is not an option such as $top=1");
                }
                nested.put(option.substring(0, equals).strip(), option.substring(equals + 1));
            }
            options = of(nested);
        }
        String[] segments = path.strip().split("/");
        Expand expand = new Expand(segments[segments.length - 1], options);
        for (int i = segments.length - 2; i >= 0; i--) {
            expand = new Expand(segments[i], new QueryOptions(null, List.of(), null, 0, false, Set.of(), List.of(expand), false, null, Map.of()));
        }
        return expand;
    }

    /** Splits at separators outside parentheses and quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.stream().filter(part -> !part.isBlank()).toList();
    }

    private static int number(String option, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw bad(option, "'" + value + "' is not a whole number of zero or more");
    }

    private static boolean bool(String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad("$count", "'" + value + "' is neither true nor false");
        };
    }

    private static SensorsProblem bad(String option, String message) {
        return SensorsProblem.badRequest(option + ": " + message + ".", Map.of("parameter", option));
    }

    /** The options with another $skip, for the next page's link. */
    Map<String, String> withSkip(int nextSkip) {
        Map<String, String> next = new LinkedHashMap<>(given);
        next.put("$skip", String.valueOf(nextSkip));
        return next;
    }
}
