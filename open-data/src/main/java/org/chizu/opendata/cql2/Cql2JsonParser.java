package org.chizu.opendata.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.opendata.query.WktGeometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads CQL2 JSON ({@code filter-lang=cql2-json}) into the same {@link Cql2} tree as
 * {@link Cql2TextParser}, with the same operators: {@code {"op": "and", "args": […]}},
 * {@code {"property": "name"}}, {@code {"date": …}}, {@code {"timestamp": …}},
 * {@code {"interval": [a, b]}}, {@code {"bbox": […]}} and GeoJSON geometries. Errors name the JSON
 * pointer of the offending member.
 */
public final class Cql2JsonParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cql2JsonParser() {
    }

    /** @throws InvalidFilterException naming the JSON pointer where reading failed */
    public static Cql2.Predicate parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // A document nested beyond Jackson's limit has no location.
            throw new InvalidFilterException("not JSON: " + e.getOriginalMessage(),
                    e.getLocation() == null ? "the JSON" : "character " + e.getLocation().getCharOffset());
        }
        if (root == null) {
            throw new InvalidFilterException("the filter is empty", "");
        }
        return predicate(root, "");
    }

    private static Cql2.Predicate predicate(JsonNode node, String at) {
        if (at.chars().filter(c -> c == '/').count() > 2L * Cql2.MAX_DEPTH) {
            throw new InvalidFilterException("the filter is nested more than " + Cql2.MAX_DEPTH + " deep", pointer(at));
        }
        if (!node.isObject() || !node.path("op").isTextual()) {
            throw new InvalidFilterException("expected an operation {\"op\": …, \"args\": […]}", pointer(at));
        }
        String op = node.get("op").asText().toLowerCase(Locale.ROOT);
        JsonNode args = node.get("args");
        String argsAt = at + "/args";
        if (args == null || !args.isArray()) {
            throw new InvalidFilterException("'" + op + "' needs an array of args", pointer(argsAt));
        }
        String where = pointer(at);
        return switch (op) {
            case "and", "or" -> {
                List<Cql2.Predicate> list = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    list.add(predicate(args.get(i), argsAt + "/" + i));
                }
                if (list.size() < 2) {
                    throw new InvalidFilterException("'" + op + "' needs at least two args", pointer(argsAt));
                }
                yield op.equals("and") ? new Cql2.And(list, where) : new Cql2.Or(list, where);
            }
            case "not" -> new Cql2.Not(predicate(arg(args, 0, 1, op, argsAt), argsAt + "/0"), where);
            case "=", "<>", "<", "<=", ">", ">=" -> new Cql2.Comparison(op, scalar(arg(args, 0, 2, op, argsAt), argsAt + "/0"),
                    scalar(arg(args, 1, 2, op, argsAt), argsAt + "/1"), where);
            case "like" -> new Cql2.Like(scalar(arg(args, 0, 2, op, argsAt), argsAt + "/0"),
                    scalar(arg(args, 1, 2, op, argsAt), argsAt + "/1"), where);
            case "between" -> new Cql2.Between(scalar(arg(args, 0, 3, op, argsAt), argsAt + "/0"),
                    scalar(arg(args, 1, 3, op, argsAt), argsAt + "/1"), scalar(arg(args, 2, 3, op, argsAt), argsAt + "/2"), where);
            case "in" -> {
                JsonNode list = arg(args, 1, 2, op, argsAt);
                if (!list.isArray() || list.isEmpty()) {
                    throw new InvalidFilterException("'in' needs a non-empty array of values", pointer(argsAt + "/1"));
                }
                List<Cql2.Operand> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    values.add(scalar(list.get(i), argsAt + "/1/" + i));
                }
                yield new Cql2.In(scalar(arg(args, 0, 2, op, argsAt), argsAt + "/0"), values, where);
            }
            case "isnull" -> new Cql2.IsNull(scalar(arg(args, 0, 1, op, argsAt), argsAt + "/0"), where);
            default -> {
                if (Cql2TextParser.SPATIAL.contains(op)) {
                    yield new Cql2.Spatial(op, spatial(arg(args, 0, 2, op, argsAt), argsAt + "/0"),
                            spatial(arg(args, 1, 2, op, argsAt), argsAt + "/1"), where);
                }
                if (Cql2TextParser.TEMPORAL.contains(op)) {
                    yield new Cql2.Temporal(op, temporal(arg(args, 0, 2, op, argsAt), argsAt + "/0"),
                            temporal(arg(args, 1, 2, op, argsAt), argsAt + "/1"), where);
                }
                throw new InvalidFilterException("the operation '" + op + "' is not supported", pointer(at + "/op"));
            }
        };
    }

    private static JsonNode arg(JsonNode args, int index, int count, String op, String at) {
        if (args.size() != count) {
            throw new InvalidFilterException("'" + op + "' needs " + count + " args, not " + args.size(), pointer(at));
        }
        return args.get(index);
    }

    private static Cql2.Operand scalar(JsonNode node, String at) {
        String where = pointer(at);
        if (node.isTextual()) {
            return new Cql2.Literal(node.asText(), where);
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return new Cql2.Literal(node.longValue(), where);
        }
        if (node.isNumber()) {
            return new Cql2.Literal(new BigDecimal(node.asText()), where);
        }
        if (node.isBoolean()) {
            return new Cql2.Literal(node.asBoolean(), where);
        }
        if (node.isObject() && node.has("property") && node.get("property").isTextual()) {
            return new Cql2.Property(node.get("property").asText(), where);
        }
        if (node.isObject() && (node.has("date") || node.has("timestamp"))) {
            return instant(node, at);
        }
        throw new InvalidFilterException("expected a property {\"property\": …}, a text, a number, a boolean, "
                + "{\"date\": …} or {\"timestamp\": …}", where);
    }

    private static Cql2.Operand instant(JsonNode node, String at) {
        boolean date = node.has("date");
        String valueAt = pointer(at + (date ? "/date" : "/timestamp"));
        String value = node.get(date ? "date" : "timestamp").asText();
        try {
            return date ? new Cql2.DateLiteral(LocalDate.parse(value), pointer(at))
                    : new Cql2.TimestampLiteral(Instant.from(OffsetDateTime.parse(value)), pointer(at));
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException("'" + value + "' is not a " + (date ? "date (YYYY-MM-DD)"
                    : "timestamp (YYYY-MM-DDThh:mm:ssZ)"), valueAt);
        }
    }

    private static Cql2.Operand spatial(JsonNode node, String at) {
        String where = pointer(at);
        if (node.isObject() && node.has("property")) {
            return scalar(node, at);
        }
        if (node.isObject() && node.has("bbox")) {
            JsonNode box = node.get("bbox");
            if (!box.isArray() || (box.size() != 4 && box.size() != 6)) {
                throw new InvalidFilterException("a bbox needs four (or six) numbers", pointer(at + "/bbox"));
            }
            int half = box.size() / 2;
            return new Cql2.Geometry(Cql2Literals.envelope(box.get(0).asDouble(), box.get(1).asDouble(),
                    box.get(half).asDouble(), box.get(half + 1).asDouble(), where), where);
        }
        if (node.isObject() && node.has("type") && node.has("coordinates") || node.path("type").asText().equals("GeometryCollection")) {
            try {
                String wkt = new WKTWriter().write(new GeoJsonReader().read(node.toString()));
                WktGeometry.read(wkt);
                return new Cql2.Geometry(wkt, where);
            } catch (ParseException | RuntimeException e) {
                throw new InvalidFilterException("not a GeoJSON geometry: " + e.getMessage(), where);
            }
        }
        throw new InvalidFilterException("a spatial operation takes properties, GeoJSON geometries or {\"bbox\": […]}", where);
    }

    private static Cql2.Operand temporal(JsonNode node, String at) {
        String where = pointer(at);
        if (node.isObject() && node.has("interval")) {
            JsonNode ends = node.get("interval");
            if (!ends.isArray() || ends.size() != 2) {
                throw new InvalidFilterException("an interval needs two ends", pointer(at + "/interval"));
            }
            return new Cql2.Interval(intervalEnd(ends.get(0), at + "/interval/0"), intervalEnd(ends.get(1), at + "/interval/1"), where);
        }
        if (node.isObject() && (node.has("property") || node.has("date") || node.has("timestamp"))) {
            return scalar(node, at);
        }
        throw new InvalidFilterException("a temporal operation takes properties, {\"date\": …}, {\"timestamp\": …} "
                + "or {\"interval\": […]}", where);
    }

    private static Cql2.Operand intervalEnd(JsonNode node, String at) {
        if (node.isTextual()) {
            return node.asText().equals("..") ? null : Cql2Literals.instantOrDate(node.asText(), pointer(at));
        }
        return temporal(node, at);
    }

    /** The pointer of the root is "/" here rather than "", so that it reads as a place. */
    private static String pointer(String at) {
        return at.isEmpty() ? "/" : at;
    }
}
