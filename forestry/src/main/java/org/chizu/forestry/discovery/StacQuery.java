package org.chizu.forestry.discovery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * One item search, however it came (GET parameters read by {@link SearchParameters}, a POST body read
 * by {@link SearchBody}): where ({@code bbox} or {@code intersects}, in longitude/latitude), when (an
 * instant or an interval, either end open), which ids and collections, the order ({@code sortby}), the
 * members of each item ({@code fields}) and the page ({@code limit}, {@code offset}). The checks that both readers share are here, so that the
 * same value is refused with the same words whichever way it came.
 *
 * @param bbox       empty for anywhere, else west, south, east, north
 * @param intersects empty for anywhere, else a geometry the item's footprint must touch
 * @param from       empty for an open start
 * @param to         empty for an open end
 * @param sortby     the keys to order by, first first; empty for the catalog's own order
 * @param fields     the members each item keeps
 */
record StacQuery(Optional<double[]> bbox, Optional<Geometry> intersects, Optional<Instant> from, Optional<Instant> to, List<String> ids,
        List<String> collections, List<SortKey> sortby, ItemFields fields, int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String BOX = "use west,south,east,north in longitude/latitude, e.g. 133.1,35.3,133.3,35.5";

    /** An item as a search sees it. */
    interface Searchable {
        String id();

        String collection();

        Geometry footprint();

        Instant start();

        Instant end();
    }

    /** A field to order by, {@code id}, {@code collection} or {@code datetime}, rising or falling. */
    record SortKey(String field, boolean descending) {

        static final List<String> FIELDS = List.of("id", "collection", "datetime");

        /** @throws StacProblem naming {@code sortby} when the field is not one of {@link #FIELDS} */
        static SortKey of(String field, boolean descending) {
            String plain = field.startsWith("properties.") ? field.substring("properties.".length()) : field;
            if (!FIELDS.contains(plain)) {
                throw StacProblem.badParameter("sortby", field, "sort by one of " + String.join(", ", FIELDS));
            }
            return new SortKey(plain, descending);
        }

        Comparator<Searchable> comparator() {
            Comparator<Searchable> rising = switch (field) {
                case "id" -> Comparator.comparing(Searchable::id);
                case "collection" -> Comparator.comparing(Searchable::collection);
                default -> Comparator.comparing(Searchable::start);
            };
            return descending ? rising.reversed() : rising;
        }
    }

    /** Whether the item is wanted (ids, collections, place and time). */
    boolean matches(Searchable item) {
        if (!(ids.isEmpty() || ids.contains(item.id())) || !wantsCollection(item.collection())) {
            return false;
        }
        Envelope box = item.footprint().getEnvelopeInternal();
        boolean inside = bbox.map(b -> box.getMinX() <= b[2] && b[0] <= box.getMaxX() && box.getMinY() <= b[3] && b[1] <= box.getMaxY())
                .orElse(true) && intersects.map(area -> area.intersects(item.footprint())).orElse(true);
        return inside && from.map(f -> !item.end().isBefore(f)).orElse(true) && to.map(t -> !item.start().isAfter(t)).orElse(true);
    }

    boolean wantsCollection(String id) {
        return collections.isEmpty() || collections.contains(id);
    }

    /** The order sortby asks for; the catalog's own order breaks ties (a stable sort keeps it). */
    Comparator<Searchable> order() {
        return sortby.stream().map(SortKey::comparator).reduce(Comparator::thenComparing).orElse((a, b) -> 0);
    }

    /** The same search as GET parameters, from where this page ends. */
    String nextParameters() {
        StringBuilder next = new StringBuilder();
        bbox.ifPresent(b -> next.append("bbox=").append(b[0]).append(',').append(b[1]).append(',').append(b[2]).append(',').append(b[3]).append('&'));
        datetime().ifPresent(interval -> next.append("datetime=").append(interval).append('&'));
        if (!ids.isEmpty()) {
            next.append("ids=").append(String.join(",", ids)).append('&');
        }
        if (!collections.isEmpty()) {
            next.append("collections=").append(String.join(",", collections)).append('&');
        }
        if (!sortby.isEmpty()) {
            next.append("sortby=").append(String.join(",", sortby.stream().map(key -> (key.descending() ? "-" : "%2B") + key.field()).toList()))
                    .append('&');
        }
        fields.parameter().ifPresent(list -> next.append("fields=").append(list).append('&'));
        return next.append("limit=").append(limit).append("&offset=").append(offset + limit).toString();
    }

    /** The same search as a POST body, from where this page ends. */
    Map<String, Object> nextBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        bbox.ifPresent(b -> body.put("bbox", List.of(b[0], b[1], b[2], b[3])));
        intersects.ifPresent(area -> body.put("intersects", SearchBody.tree(new GeoJsonWriter().write(area))));
        datetime().ifPresent(interval -> body.put("datetime", interval));
        if (!ids.isEmpty()) {
            body.put("ids", ids);
        }
        if (!collections.isEmpty()) {
            body.put("collections", collections);
        }
        if (!sortby.isEmpty()) {
            body.put("sortby", sortby.stream().map(key -> Map.of("field", key.field(), "direction", key.descending() ? "desc" : "asc")).toList());
        }
        fields.body().ifPresent(members -> body.put("fields", members));
        body.put("limit", limit);
        body.put("offset", offset + limit);
        return body;
    }

    private Optional<String> datetime() {
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(from.map(Instant::toString).orElse("..") + "/" + to.map(Instant::toString).orElse(".."));
    }

    // The checks both readers share.

    /** @throws StacProblem naming {@code bbox} unless the four numbers are a box in longitude/latitude (a 3D box is flattened) */
    static double[] box(List<Double> numbers, String asGiven) {
        if (numbers.size() == 6) {
            numbers = List.of(numbers.get(0), numbers.get(1), numbers.get(3), numbers.get(4));
        }
        if (numbers.size() != 4) {
            throw StacProblem.badParameter("bbox", asGiven, BOX);
        }
        double[] box = numbers.stream().mapToDouble(Double::doubleValue).toArray();
        // false for NaN too
        if (!(box[0] <= box[2] && box[1] <= box[3] && Math.abs(box[0]) <= 180 && Math.abs(box[2]) <= 180
                && Math.abs(box[1]) <= 90 && Math.abs(box[3]) <= 90)) {
            throw StacProblem.badParameter("bbox", asGiven, BOX);
        }
        return box;
    }

    static double[] box(String text) {
        List<Double> numbers = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                numbers.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw StacProblem.badParameter("bbox", text, BOX);
            }
        }
        return box(numbers, text);
    }

    /**
     * An RFC 3339 instant, or an interval {@code start/end} with one end open at most.
     *
     * @return from and to, either empty for an open end
     */
    static List<Optional<Instant>> interval(String datetime) {
        String[] ends = datetime.split("/", -1);
        if (ends.length > 2 || (ends.length == 2 && open(ends[0]) && open(ends[1]))) {
            throw StacProblem.badParameter("datetime", datetime, "use an RFC 3339 date-time or an interval start/end, one end may be '..'");
        }
        Optional<Instant> from = instant(ends[0]);
        return List.of(from, ends.length == 2 ? instant(ends[1]) : from);
    }

    /** @throws StacProblem naming the parameter unless the number is in min–max */
    static int whole(String name, long value, String asGiven, int min, int max) {
        if (value < min || value > max) {
            throw StacProblem.badParameter(name, asGiven, "use a whole number from " + min + " to " + max);
        }
        return (int) value;
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
}
