package org.chizu.forestry.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An item search POSTed as JSON, as STAC API's item search defines it: {@code bbox} (an array of
 * four, or six for a 3D box), {@code intersects} (a GeoJSON geometry in longitude/latitude; not with
 * {@code bbox}), {@code datetime} (a string as in GET), {@code ids} and {@code collections} (arrays
 * of strings), {@code sortby} (an array of {@code {"field", "direction"}}), {@code fields} (an object
 * of {@code include} and {@code exclude}, arrays of dotted paths), {@code limit} and
 * {@code offset} (as the {@code next} link's body carries it). Other members are refused by name, so
 * that a filter Chizu does not know is never silently ignored.
 */
final class SearchBody {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("bbox", "intersects", "datetime", "ids", "collections", "sortby", "fields", "limit",
            "offset");

    private SearchBody() {
    }

    /** @throws StacProblem naming the member that cannot be read, or {@code body} when it is no JSON object */
    static StacQuery read(String text) {
        JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : parse(text);
        if (!body.isObject()) {
            throw StacProblem.badParameter("body", abbreviated(text), "send a JSON object such as {\"collections\": [\"laser-survey-1\"]}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw StacProblem.badParameter(name, abbreviated(body.get(name).toString()), "Chizu's item search takes " + String.join(", ",
                        MEMBERS.stream().sorted().toList()));
            }
        }
        Optional<double[]> bbox = present(body, "bbox").map(SearchBody::box);
        Optional<Geometry> intersects = present(body, "intersects").map(SearchBody::geometry);
        if (bbox.isPresent() && intersects.isPresent()) {
            throw StacProblem.badParameter("intersects", abbreviated(body.get("intersects").toString()), "give either 'bbox' or 'intersects', not both");
        }
        List<Optional<Instant>> interval = present(body, "datetime").map(node -> StacQuery.interval(text(node, "datetime")))
                .orElse(List.of(Optional.empty(), Optional.empty()));
        List<StacQuery.SortKey> sortby = present(body, "sortby").map(SearchBody::sortby).orElse(List.of());
        return new StacQuery(bbox, intersects, interval.get(0), interval.get(1), strings(body, "ids"), strings(body, "collections"),
                sortby, present(body, "fields").map(SearchBody::fields).orElse(ItemFields.WHOLE), number(body, "limit", StacQuery.DEFAULT_LIMIT, 1, StacQuery.MAX_LIMIT), number(body, "offset", 0, 0, Integer.MAX_VALUE));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JTS wrote GeoJSON Jackson cannot read", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw StacProblem.badParameter("body", abbreviated(text), "send JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** A member that is there and not null. */
    private static Optional<JsonNode> present(JsonNode body, String name) {
        return Optional.ofNullable(body.get(name)).filter(node -> !node.isNull());
    }

    private static double[] box(JsonNode node) {
        List<Double> numbers = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(number -> numbers.add(number.isNumber() ? number.asDouble() : Double.NaN));
        }
        return StacQuery.box(node.isArray() ? numbers : List.of(), node.toString());
    }

    private static Geometry geometry(JsonNode node) {
        String expected = "use a GeoJSON geometry in longitude/latitude, e.g. {\"type\": \"Point\", \"coordinates\": [133.2, 35.4]}";
        if (!node.isObject() || !node.path("type").isTextual() || node.path("type").asText().equals("Feature")
                || node.path("type").asText().equals("FeatureCollection")) {
            throw StacProblem.badParameter("intersects", abbreviated(node.toString()), expected);
        }
        Geometry geometry;
        try {
            geometry = new GeoJsonReader().read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw StacProblem.badParameter("intersects", abbreviated(node.toString()), expected);
        }
        if (geometry.isEmpty()) {
            throw StacProblem.badParameter("intersects", abbreviated(node.toString()), expected);
        }
        return geometry;
    }

    private static List<StacQuery.SortKey> sortby(JsonNode node) {
        if (!node.isArray()) {
            throw StacProblem.badParameter("sortby", abbreviated(node.toString()), "use an array such as [{\"field\": \"datetime\", \"direction\": \"desc\"}]");
        }
        List<StacQuery.SortKey> keys = new ArrayList<>();
        for (JsonNode key : node) {
            String direction = key.path("direction").asText("asc");
            if (!key.path("field").isTextual() || !(direction.equals("asc") || direction.equals("desc"))) {
                throw StacProblem.badParameter("sortby", abbreviated(key.toString()), "give each key a 'field' and a 'direction' of asc or desc");
            }
            keys.add(StacQuery.SortKey.of(key.get("field").asText(), direction.equals("desc")));
        }
        return keys;
    }

    private static ItemFields fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        if (!node.isObject() || !List.of("include", "exclude").containsAll(names)) {
            throw StacProblem.badParameter("fields", abbreviated(node.toString()),
                    "use an object such as {\"include\": [\"properties.pc:count\"], \"exclude\": [\"geometry\"]}");
        }
        return ItemFields.of(strings(node, "include", "fields.include"), strings(node, "exclude", "fields.exclude"));
    }

    private static List<String> strings(JsonNode body, String name) {
        return strings(body, name, name);
    }

    /** @param shownAs the member's name as the problem gives it, its path when it is nested */
    private static List<String> strings(JsonNode parent, String name, String shownAs) {
        Optional<JsonNode> node = present(parent, name);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!node.get().isArray()) {
            throw StacProblem.badParameter(shownAs, abbreviated(node.get().toString()), "use an array of strings");
        }
        List<String> strings = new ArrayList<>();
        node.get().forEach(element -> strings.add(text(element, shownAs)));
        return strings;
    }

    private static String text(JsonNode node, String name) {
        if (!node.isTextual()) {
            throw StacProblem.badParameter(name, abbreviated(node.toString()), "use a string");
        }
        return node.asText();
    }

    private static int number(JsonNode body, String name, int fallback, int min, int max) {
        Optional<JsonNode> node = present(body, name);
        if (node.isEmpty()) {
            return fallback;
        }
        long value = node.get().canConvertToExactIntegral() && node.get().canConvertToLong() ? node.get().asLong() : Long.MIN_VALUE;
        return StacQuery.whole(name, value, node.get().toString(), min, max);
    }

    /** A value as the problem quotes it: short enough to read. */
    private static String abbreviated(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
