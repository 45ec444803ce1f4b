package org.chizu.forestry.discovery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of STAC's item search and of a collection's items, read once: {@code bbox}
 * (west,south,east,north in longitude/latitude), {@code datetime} (an RFC 3339 instant or an
 * interval {@code start/end}, either end open as {@code ..}), {@code ids}, {@code collections}
 * (comma lists), {@code limit} (1–{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and
 * {@code offset} (where the next page starts, as its {@code next} link says).
 *
 * @param bbox empty for anywhere, else four numbers
 * @param from empty for an open start
 * @param to   empty for an open end
 */
record StacQuery(Optional<double[]> bbox, Optional<Instant> from, Optional<Instant> to, List<String> ids, List<String> collections,
        int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /**
     * @throws StacProblem naming the first parameter that cannot be read
     */
    static StacQuery from(Function<String, Optional<String>> parameter) {
        Optional<double[]> bbox = parameter.apply("bbox").map(StacQuery::bbox);
        Optional<Instant> from = Optional.empty(), to = Optional.empty();
        Optional<String> datetime = parameter.apply("datetime");
        if (datetime.isPresent()) {
            String[] ends = datetime.get().split("/", -1);
            if (ends.length > 2 || (ends.length == 2 && open(ends[0]) && open(ends[1]))) {
                throw StacProblem.badParameter("datetime", datetime.get(), "use an RFC 3339 date-time or an interval start/end, one end may be '..'");
            }
            from = instant(ends[0]);
            to = ends.length == 2 ? instant(ends[1]) : from;
        }
        return new StacQuery(bbox, from, to, list(parameter.apply("ids")), list(parameter.apply("collections")),
                number(parameter, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), number(parameter, "offset", 0, 0, Integer.MAX_VALUE));
    }

    /** Whether an item over this box and time span is wanted (ids and collections are the caller's to check). */
    boolean matches(ArchiveListing.LonLat box, Instant start, Instant end) {
        boolean inside = bbox.map(b -> box.west() <= b[2] && b[0] <= box.east() && box.south() <= b[3] && b[1] <= box.north()).orElse(true);
        return inside && from.map(f -> !end.isBefore(f)).orElse(true) && to.map(t -> !start.isAfter(t)).orElse(true);
    }

    boolean wantsId(String id) {
        return ids.isEmpty() || ids.contains(id);
    }

    boolean wantsCollection(String id) {
        return collections.isEmpty() || collections.contains(id);
    }

    private static double[] bbox(String text) {
        String expected = "use west,south,east,north in longitude/latitude, e.g. 133.1,35.3,133.3,35.5";
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw StacProblem.badParameter("bbox", text, expected);
        }
        try {
            double[] box = Arrays.stream(parts).mapToDouble(part -> Double.parseDouble(part.strip())).toArray();
            // false for NaN too
            if (!(box[0] <= box[2] && box[1] <= box[3] && Math.abs(box[0]) <= 180 && Math.abs(box[2]) <= 180
                    && Math.abs(box[1]) <= 90 && Math.abs(box[3]) <= 90)) {
                throw StacProblem.badParameter("bbox", text, expected);
            }
            return box;
        } catch (NumberFormatException e) {
            throw StacProblem.badParameter("bbox", text, expected);
        }
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static Optional<Instant> instant(String end) {
        if (open(end)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(end).toInstant());
        } catch (DateTimeParseException e) {
            throw StacProblem.badParameter("datetime", end, "use an RFC 3339 date-time such as 2026-04-01T00:00:00Z");
        }
    }

    private static List<String> list(Optional<String> text) {
        return text.map(t -> Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private static int number(Function<String, Optional<String>> parameter, String name, int fallback, int min, int max) {
        Optional<String> text = parameter.apply(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw StacProblem.badParameter(name, text.get(), "use a whole number from " + min + " to " + max);
    }
}
