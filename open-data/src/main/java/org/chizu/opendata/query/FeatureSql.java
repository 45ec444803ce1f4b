package org.chizu.opendata.query;

import static org.chizu.gis.layer.SqlIdentifiers.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;

/**
 * The SQL of one query shape: a layer, whether features come as GeoJSON text or as columns, and
 * which optional parts the query has. Built once per shape; each part adds its text and, in the
 * same place, how to take its bind values from a query, so text and values cannot drift apart.
 * Identifiers come from the registry and are quoted; everything from clients is bound.
 */
final class FeatureSql {

    /** What a statement returns per feature, or for all of them. */
    enum Output {
        /** One complete GeoJSON Feature per row. */
        GEOJSON,
        /**
         * Per row how many features match, ignoring limit and offset (the same in every row), then one
         * complete GeoJSON Feature: a page and its numberMatched in one statement, which counts only
         * when the page is full (a shorter page is the last, so offset plus its rows is the count).
         */
        COUNTED_GEOJSON,
        /** The id, the attributes and the geometry as WKB, per row. */
        COLUMNS,
        /** One row: how many features match, ignoring limit and offset. */
        COUNT
    }

    /** The parts of a query that change the SQL text (values do not). */
    record Shape(String layerId, Output output, boolean transformed, boolean flipped, boolean historical, boolean bbox,
                 boolean bboxCrossesAntimeridian, Class<? extends AreaFilter> within, List<String> equalities, String extraSql, boolean paged) {

        static Shape of(FeatureQuery query, Output output) {
            boolean counting = output == Output.COUNT;
            return new Shape(query.layer().id(), output,
                    !counting && query.crs().srid() != query.layer().geometry().srid(),
                    !counting && query.crs().yFirst(),
                    query.asOf() != null, query.bbox() != null,
                    query.bbox() != null && query.bbox().crossesAntimeridian(),
                    query.within() == null ? null : query.within().getClass(),
                    List.copyOf(new java.util.TreeSet<>(query.propertyEquals().keySet())),
                    query.extraFilter() == null ? null : query.extraFilter().sql(),
                    !counting && (query.limit() != null || query.offset() > 0));
        }
    }

    private final String sql;
    private final List<Function<FeatureQuery, List<?>>> binders;

    private FeatureSql(String sql, List<Function<FeatureQuery, List<?>>> binders) {
        this.sql = sql;
        this.binders = List.copyOf(binders);
    }

    String sql() {
        return sql;
    }

    /** The values for the placeholders, in order. */
    List<Object> values(FeatureQuery query) {
        List<Object> values = new ArrayList<>();
        binders.forEach(binder -> values.addAll(binder.apply(query)));
        return values;
    }

    static FeatureSql build(Layer layer, Shape shape) {
        Builder sql = new Builder();
        String id = "f." + quote(layer.idColumn());
        String geom = "f." + quote(layer.geometry().column());
        String transformed = shape.transformed() ? "ST_Transform(" + geom + ", ?)" : geom;
        String output = shape.flipped() ? "ST_FlipCoordinates(" + transformed + ")" : transformed;
        Function<FeatureQuery, List<?>> outputSrid = q -> shape.transformed() ? List.of(q.crs().srid()) : List.of();

        sql.append("select ");
        if (shape.output() == Output.COUNTED_GEOJSON) {
            // Uncorrelated, so PostgreSQL runs the count once per statement (an InitPlan), and only when it is
            // first needed: a page shorter than its limit is the last one, and already knows numberMatched.
            if (shape.paged()) {
                sql.append("case when count(*) over () < ? then ? + count(*) over () else ",
                        q -> java.util.Arrays.asList(q.limit(), q.offset()));
            }
            sql.append("(select count(*) from ");
            appendFilteredRows(sql, layer, shape);
            sql.append(shape.paged() ? ") end, " : "), ");
        }
        if (shape.output() == Output.COUNT) {
            sql.append("count(*)");
        } else if (shape.output() == Output.COLUMNS) {
            List<String> columns = new ArrayList<>();
            columns.add(id);
            layer.attributes().forEach(a -> columns.add("f." + quote(a.name())));
            columns.add("ST_AsBinary(" + output + ")");
            sql.append(String.join(", ", columns), outputSrid);
        } else {
            // The whole feature is built by PostgreSQL; Java only copies its bytes.
            sql.append("""
                    '{"type":"Feature","id":' || %s || ',"geometry":' || coalesce(ST_AsGeoJSON(%s, ?), 'null') \
                    || ',"properties":' || %s || '}'""".formatted(id, output, jsonProperties(layer)),
                    q -> concat(outputSrid.apply(q), List.of(q.crs().decimals())));
        }
        sql.append("\nfrom ");
        if (shape.paged()) {
            // The page is cut first and only its rows are encoded: skipped rows must cost no GeoJSON.
            sql.append("(select f.* from ");
        }
        appendFilteredRows(sql, layer, shape);
        if (shape.output() != Output.COUNT) {
            sql.append("\norder by " + id);
        }
        if (shape.paged()) {
            sql.append("\nlimit ? offset ?) f\norder by " + id, q -> java.util.Arrays.asList(q.limit(), q.offset()));
        }
        return new FeatureSql(sql.text.toString(), sql.binders);
    }

    /** The layer's rows, as {@code f}, and the query's filters: "rows f where …". */
    private static void appendFilteredRows(Builder sql, Layer layer, Shape shape) {
        String geom = "f." + quote(layer.geometry().column());
        if (shape.historical()) {
            sql.append(historicalRows(layer), q -> List.of(layer.table(), q.asOf(), q.asOf()));
        } else {
            sql.append(quote(layer.table()));
        }
        sql.append(" f\nwhere true");
        int layerSrid = layer.geometry().srid();
        if (shape.bboxCrossesAntimeridian()) {
            // Two boxes, each an index scan: east of minX up to the antimeridian, and on from it to maxX.
            sql.append("\n  and (ST_Intersects(" + geom + ", ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, ?), ?))"
                    + "\n    or ST_Intersects(" + geom + ", ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, ?), ?)))", q -> List.of(
                    q.bbox().minX(), q.bbox().minY(), BoundingBox.ANTIMERIDIAN, q.bbox().maxY(), q.bbox().crs().srid(), layerSrid,
                    -BoundingBox.ANTIMERIDIAN, q.bbox().minY(), q.bbox().maxX(), q.bbox().maxY(), q.bbox().crs().srid(), layerSrid));
        } else if (shape.bbox()) {
            sql.append("\n  and ST_Intersects(" + geom + ", ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, ?), ?))", q -> List.of(
                    q.bbox().minX(), q.bbox().minY(), q.bbox().maxX(), q.bbox().maxY(), q.bbox().crs().srid(), layerSrid));
        }
        if (shape.within() == AreaFilter.Polygon.class) {
            sql.append("\n  and ST_Intersects(" + geom + ", ST_Transform(ST_GeomFromText(?, ?), ?))", q -> {
                AreaFilter.Polygon polygon = (AreaFilter.Polygon) q.within();
                return List.of(polygon.wkt(), polygon.crs().srid(), layerSrid);
            });
        } else if (shape.within() == AreaFilter.Municipality.class) {
            // Cutting by a code without its boundary would silently cut nothing.
            throw new IllegalStateException("a municipality's boundary is looked up first: see FeatureQueryService.resolved");
        }
        for (String name : shape.equalities()) {
            sql.append("\n  and f." + quote(name) + " = ?", q -> List.of(q.propertyEquals().get(name)));
        }
        if (shape.extraSql() != null) {
            sql.append("\n  and (" + shape.extraSql() + ")", q -> q.extraFilter().values());
        }
    }

    /** The layer's rows as they were at an instant, with the same column names as its table. */
    private static String historicalRows(Layer layer) {
        List<String> columns = new ArrayList<>();
        columns.add("h.feature_id as " + quote(layer.idColumn()));
        for (Attribute attribute : layer.attributes()) {
            columns.add("(h.properties ->> " + literal(attribute.name()) + ")::" + sqlType(attribute) + " as " + quote(attribute.name()));
        }
        columns.add("h.geom as " + quote(layer.geometry().column()));
        return """
                (select %s
                   from feature_history h
                  where h.layer_table = ? and h.valid_from <= ? and (h.valid_to is null or h.valid_to > ?))""".formatted(
                String.join(", ", columns));
    }

    private static String jsonProperties(Layer layer) {
        if (layer.attributes().isEmpty()) {
            return "'{}'";
        }
        List<String> pairs = layer.attributes().stream()
                .map(a -> literal(a.name()) + ", f." + quote(a.name())).toList();
        // json_build_object takes at most 100 arguments; layers with more attributes are merged in parts.
        List<String> objects = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += 50) {
            objects.add("jsonb_build_object(" + String.join(", ", pairs.subList(from, Math.min(pairs.size(), from + 50))) + ")");
        }
        return objects.size() == 1
                ? objects.getFirst().replace("jsonb_build_object", "json_build_object") + "::text"
                : "(" + String.join(" || ", objects) + ")::text";
    }

    private static String sqlType(Attribute attribute) {
        return switch (attribute.type()) {
            case TEXT -> "text";
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
        };
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static List<Object> concat(List<?> first, List<?> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Function<FeatureQuery, List<?>>> binders = new ArrayList<>();

        void append(String part) {
            text.append(part);
        }

        void append(String part, Function<FeatureQuery, List<?>> binder) {
            text.append(part);
            binders.add(binder);
        }
    }
}
