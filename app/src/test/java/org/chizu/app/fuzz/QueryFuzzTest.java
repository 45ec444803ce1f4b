package org.chizu.app.fuzz;

import static org.chizu.app.fuzz.FuzzedChizu.assertSuccessOrProblem;
import static org.chizu.app.fuzz.Nasty.encoded;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Filters and query parameters of OGC API Features and the downloads, fuzzed over real HTTP: every
 * answer is a success or a problem+json client error, never a server error.
 */
class QueryFuzzTest {

    private static final List<String> PROPERTIES = List.of("route_no", "name", "road_class", "width_m", "surface", "administrator",
            "geom", "geometry", "id", "\"name\"", "unknown", "名称");
    private static final List<String> COMPARISONS = List.of("=", "<>", "<", ">", "<=", ">=");

    @Property(tries = 250, shrinking = ShrinkingMode.OFF)
    void cql2TextFiltersAreAnsweredOrRefused(@ForAll("cql2Text") String filter, @ForAll("layer") String layer,
                                            @ForAll("filterCrs") String filterCrs) throws Exception {
        FuzzedChizu chizu = FuzzedChizu.get();
        assertSuccessOrProblem(chizu.get("/ogc/collections/" + layer + "/items?filter-lang=cql2-text&filter=" + encoded(filter)
                + filterCrs));
    }

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void cql2JsonFiltersAreAnsweredOrRefused(@ForAll("cql2Json") String filter, @ForAll("layer") String layer) throws Exception {
        FuzzedChizu chizu = FuzzedChizu.get();
        assertSuccessOrProblem(chizu.get("/ogc/collections/" + layer + "/items?filter-lang=cql2-json&filter=" + encoded(filter)));
    }

    @Property(tries = 250, shrinking = ShrinkingMode.OFF)
    void bboxDatetimeAndWithinAreAnsweredOrRefused(@ForAll("spatialQuery") String query) throws Exception {
        assertSuccessOrProblem(FuzzedChizu.get().get(query));
    }

    @Provide
    Arbitrary<String> layer() {
        return Arbitraries.of("roads", "facilities", "hazard_zones", "water_pipes");
    }

    @Provide
    Arbitrary<String> filterCrs() {
        return Arbitraries.oneOf(Arbitraries.just(""), Nasty.crs().map(crs -> "&filter-crs=" + encoded(crs)));
    }

    @Provide
    Arbitrary<String> cql2Text() {
        Arbitrary<String> property = Arbitraries.of(PROPERTIES);
        Arbitrary<String> literal = Arbitraries.oneOf(
                Nasty.number(),
                Nasty.text().map(text -> "'" + text.replace("'", "''") + "'"),
                Nasty.text().map(text -> "'" + text + "'"),
                Nasty.timestamp().map(t -> "TIMESTAMP('" + t + "')"),
                Nasty.timestamp().map(t -> "DATE('" + t + "')"),
                Arbitraries.of("true", "false", "NULL", "'\\'", "'%'"));
        Arbitrary<String> comparison = Combinators.combine(property, Arbitraries.of(COMPARISONS), literal)
                .as((p, op, value) -> p + " " + op + " " + value);
        Arbitrary<String> like = Combinators.combine(property, Nasty.text()).as((p, pattern) -> p + " LIKE '" + pattern + "'");
        Arbitrary<String> between = Combinators.combine(property, Nasty.number(), Nasty.number())
                .as((p, low, high) -> p + " BETWEEN " + low + " AND " + high);
        Arbitrary<String> in = Combinators.combine(property, literal.list().ofMaxSize(5))
                .as((p, values) -> p + " IN (" + String.join(", ", values) + ")");
        Arbitrary<String> spatial = Combinators.combine(Arbitraries.of("S_INTERSECTS", "S_WITHIN", "S_CONTAINS", "S_DISJOINT", "S_CROSSES"),
                property, Nasty.wkt()).as((op, p, wkt) -> op + "(" + p + ", " + wkt + ")");
        Arbitrary<String> bbox = Combinators.combine(property, Nasty.bbox()).as((p, box) -> "S_INTERSECTS(" + p + ", BBOX(" + box + "))");
        Arbitrary<String> nulls = property.map(p -> p + " IS NULL");
        Arbitrary<String> leaf = Arbitraries.oneOf(comparison, like, between, in, spatial, bbox, nulls);
        Arbitrary<String> tree = Arbitraries.recursive(() -> leaf, deeper -> Arbitraries.oneOf(
                Combinators.combine(deeper, Arbitraries.of(" AND ", " OR "), deeper).as((a, op, b) -> a + op + b),
                deeper.map(a -> "NOT (" + a + ")"),
                deeper.map(a -> "(" + a + ")")), 0, 4);
        return Arbitraries.oneOf(tree, tree.map(QueryFuzzTest::truncated), tree.map(QueryFuzzTest::deeplyNested),
                Nasty.text());
    }

    @Provide
    Arbitrary<String> cql2Json() {
        Arbitrary<String> property = Arbitraries.of(PROPERTIES).map(p -> "{\"property\": \"" + p.replace("\"", "\\\"") + "\"}");
        Arbitrary<String> value = Arbitraries.oneOf(
                Nasty.number(),
                Nasty.text().map(QueryFuzzTest::jsonString),
                Nasty.timestamp().map(t -> "{\"timestamp\": " + jsonString(t) + "}"),
                Nasty.timestamp().map(t -> "{\"date\": " + jsonString(t) + "}"),
                Nasty.bbox().map(box -> "{\"bbox\": [" + box + "]}"),
                Combinators.combine(Nasty.number(), Nasty.number())
                        .as((x, y) -> "{\"type\": \"Point\", \"coordinates\": [" + x + ", " + y + "]}"),
                Arbitraries.of("null", "true", "[]", "{}", "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 1], [0, 0]]]}",
                        "{\"type\": \"GeometryCollection\", \"geometries\": [{\"type\": \"Point\"}]}", "\"\\u0000\""));
        Arbitrary<String> operator = Arbitraries.of("=", "<>", "<", ">", "like", "between", "in", "isNull", "s_intersects",
                "s_within", "t_after", "t_intersects", "casei", "accenti", "a_contains", "not", "and", "or", "unknown", "");
        Arbitrary<String> leaf = Combinators.combine(operator, property, value.list().ofMaxSize(3))
                .as((op, p, values) -> "{\"op\": \"" + op + "\", \"args\": [" + p + (values.isEmpty() ? "" : ", " + String.join(", ", values)) + "]}");
        Arbitrary<String> tree = Arbitraries.recursive(() -> leaf, deeper -> Combinators.combine(
                Arbitraries.of("and", "or", "not"), deeper.list().ofMinSize(1).ofMaxSize(3))
                .as((op, args) -> "{\"op\": \"" + op + "\", \"args\": [" + String.join(", ", args) + "]}"), 0, 4);
        // Deep, but within the 8 KB a request line may have: the server's own limit on nesting is 100.
        return Arbitraries.oneOf(tree, tree.map(QueryFuzzTest::truncated), Arbitraries.integers().between(50, 1000)
                .map(depth -> "[".repeat(depth) + "]".repeat(depth)), Arbitraries.integers().between(50, 110)
                .map(depth -> "{\"op\": \"not\", \"args\": [".repeat(depth) + "{\"op\": \"isNull\", \"args\": [{\"property\": \"name\"}]}"
                        + "]}".repeat(depth)), Nasty.text());
    }

    @Provide
    Arbitrary<String> spatialQuery() {
        Arbitrary<String> parameter = Arbitraries.oneOf(
                Nasty.bbox().map(box -> "bbox=" + encoded(box)),
                Nasty.crs().map(crs -> "bbox-crs=" + encoded(crs)),
                Nasty.timestamp().map(t -> "datetime=" + encoded(t)),
                Nasty.wkt().map(wkt -> "within=" + encoded(wkt)),
                Nasty.crs().map(crs -> "within-crs=" + encoded(crs)),
                Nasty.crs().map(crs -> "crs=" + encoded(crs)),
                Nasty.number().map(n -> "limit=" + encoded(n)),
                Nasty.number().map(n -> "offset=" + encoded(n)),
                Nasty.number().map(n -> "version=" + encoded(n)),
                Nasty.text().map(t -> "name=" + encoded(t)),
                Nasty.number().map(n -> "width_m=" + encoded(n)),
                Arbitraries.of("encoding=shift_jis", "header=names", "encoding=" + encoded("\0"), "f=html", "f=xml", "bbox=%FF%FE",
                        "datetime=%C0%80"));
        Arbitrary<String> path = Arbitraries.of("/ogc/collections/roads/items", "/ogc/collections/facilities/items",
                "/ogc/collections/hazard_zones/items", "/data/roads.geojson", "/data/roads.csv", "/data/facilities.GeoJSON",
                "/data/hazard_zones.csv");
        return Combinators.combine(path, parameter.list().ofMinSize(1).ofMaxSize(4))
                .as((p, parameters) -> p + "?" + String.join("&", parameters));
    }

    /** Cut off somewhere: a client that sent half of what it meant to. */
    private static String truncated(String text) {
        return text.isEmpty() ? text : text.substring(0, Math.floorMod(text.hashCode(), text.length()));
    }

    private static String deeplyNested(String text) {
        int depth = 50 + Math.floorMod(text.hashCode(), 900);
        return "(".repeat(depth) + text + ")".repeat(depth);
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
