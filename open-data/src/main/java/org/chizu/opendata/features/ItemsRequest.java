package org.chizu.opendata.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chizu.gis.layer.Layer;
import org.chizu.opendata.cql2.Cql2;
import org.chizu.opendata.cql2.Cql2Sql;
import org.chizu.opendata.cql2.DatetimeParameter;
import org.chizu.opendata.cql2.FilterParameter;
import org.chizu.opendata.cql2.Queryables;
import org.chizu.opendata.query.BboxParameter;
import org.chizu.opendata.query.FeatureQuery;
import org.chizu.opendata.query.OutputCrs;

/**
 * The query parameters of {@code /ogc/collections/{id}/items}, read into a {@link FeatureQuery}:
 * {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}), {@code offset},
 * {@code bbox} with {@code bbox-crs}, {@code datetime}, {@code crs}, {@code filter} with
 * {@code filter-lang} and {@code filter-crs}, {@code f}, and one equality parameter per attribute.
 * Any other parameter is a 400, so a misspelt one is not silently ignored.
 *
 * @param query  what to read, one page of it
 * @param limit  the page size asked for (after the maximum was applied)
 * @param offset features skipped before the page
 */
record ItemsRequest(FeatureQuery query, long limit, long offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    private static final Set<String> PARAMETERS = Set.of("limit", "offset", "bbox", "bbox-crs", "datetime", "crs",
            "filter", "filter-lang", "filter-crs", "f");

    /** @throws IllegalArgumentException naming the parameter that is wrong */
    static ItemsRequest parse(Layer layer, Map<String, String> parameters) {
        Queryables queryables = new Queryables(layer);
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name) && layer.attribute(name).isEmpty()) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'; items take " + PARAMETERS.stream().sorted().toList()
                        + " and the attributes of " + layer.id() + " " + layer.attributes().stream().map(a -> a.name()).toList());
            }
        }
        long limit = Math.min(MAX_LIMIT, number(parameters, "limit", DEFAULT_LIMIT, 1));
        long offset = number(parameters, "offset", 0, 0);
        FeatureQuery query = FeatureQuery.wholeLayer(layer)
                .withBbox(BboxParameter.parseInAxisOrder(parameters.get("bbox"), parameters.get("bbox-crs")))
                .inCrs(OutputCrs.parseInAxisOrder(parameters.get("crs"), OutputCrs.WGS84))
                .page(limit, offset);
        for (var entry : parameters.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey())) {
                query = query.whereEquals(entry.getKey(), entry.getValue());
            }
        }
        List<Cql2.Predicate> conditions = new ArrayList<>();
        Cql2.Predicate datetime = DatetimeParameter.parse(parameters.get("datetime"), queryables);
        Cql2.Predicate filter = FilterParameter.parse(parameters.get("filter"), parameters.get("filter-lang"));
        if (datetime != null) {
            conditions.add(datetime);
        }
        if (filter != null) {
            conditions.add(filter);
        }
        if (!conditions.isEmpty()) {
            Cql2.Predicate all = conditions.size() == 1 ? conditions.getFirst() : new Cql2.And(conditions, "filter");
            OutputCrs filterCrs = OutputCrs.parseInAxisOrder(parameters.get("filter-crs"), OutputCrs.WGS84);
            query = query.filteredBy(Cql2Sql.translate(all, queryables, filterCrs));
        }
        return new ItemsRequest(query, limit, offset);
    }

    private static long number(Map<String, String> parameters, String name, long fallback, long minimum) {
        String text = parameters.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum);
        }
        return value;
    }
}
