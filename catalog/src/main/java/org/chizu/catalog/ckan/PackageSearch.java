package org.chizu.catalog.ckan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CKAN's {@code package_search} over the packages in memory: the catalog holds one package per
 * public layer, so there is no search index to keep in step. Supports free text and
 * {@code field:value} terms in {@code q}, {@code field:value} terms in {@code fq} (all must
 * match), {@code sort} on id, name, title_string, metadata_modified and metadata_created, and
 * {@code facet.field} counts.
 */
final class PackageSearch {

    /** CKAN's default and ceiling for {@code rows}. */
    static final int DEFAULT_ROWS = 10;
    static final int MAX_ROWS = 1000;

    private static final Pattern TERM = Pattern.compile("(?:([\\w.]+):)?(?:\"([^\"]*)\"|(\\S+))");
    private static final List<String> SORTABLE = List.of("id", "name", "title_string", "metadata_modified", "metadata_created", "score");

    private PackageSearch() {
    }

    static Map<String, Object> run(List<Map<String, Object>> packages, ActionParameters parameters) {
        int rows = parameters.integer("rows", DEFAULT_ROWS, MAX_ROWS);
        int start = parameters.integer("start", 0, Integer.MAX_VALUE);
        Predicate<Map<String, Object>> filter = terms(parameters.text("q").orElse("*:*"), true)
                .and(terms(parameters.text("fq").orElse(""), false));
        List<Map<String, Object>> matching = packages.stream().filter(filter).collect(Collectors.toCollection(ArrayList::new));
        parameters.text("sort").map(PackageSearch::order).ifPresent(matching::sort);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", matching.size());
        result.put("sort", parameters.text("sort").orElse("score desc, metadata_modified desc"));
        result.put("results", matching.stream().skip(start).limit(rows).toList());
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String field : parameters.list("facet.field")) {
            facets.put(field, matching.stream().flatMap(p -> values(p, field).stream())
                    .collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting())));
        }
        result.put("facets", facets);
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        facets.forEach((field, counts) -> searchFacets.put(field, Map.of("title", field, "items", counts.entrySet().stream()
                .map(c -> Map.of("name", c.getKey(), "display_name", c.getKey(), "count", c.getValue())).toList())));
        result.put("search_facets", searchFacets);
        return result;
    }

    /** All terms must match; a term without a field is free text (only allowed in q). */
    private static Predicate<Map<String, Object>> terms(String query, boolean freeTextAllowed) {
        Predicate<Map<String, Object>> all = p -> true;
        if (query.isBlank() || query.strip().equals("*:*")) {
            return all;
        }
        Matcher matcher = TERM.matcher(query);
        while (matcher.find()) {
            String field = matcher.group(1);
            String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (field == null && !freeTextAllowed) {
                throw CkanException.invalid("fq", "Use field:value terms, e.g. tags:道路");
            }
            all = all.and(field == null ? freeText(value) : p -> values(p, field).contains(value));
        }
        return all;
    }

    private static Predicate<Map<String, Object>> freeText(String word) {
        String needle = word.toLowerCase(Locale.ROOT);
        return p -> (p.get("name") + " " + p.get("title") + " " + p.get("notes") + " " + p.get("title_translated") + " "
                + p.get("notes_translated") + " " + String.join(" ", values(p, "tags"))).toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The values a field has in a package: tag names, resource formats, the organization's name, or the field itself. */
    @SuppressWarnings("unchecked")
    static List<String> values(Map<String, Object> pkg, String field) {
        return switch (field) {
            case "tags" -> ((List<Map<String, Object>>) pkg.get("tags")).stream().map(t -> (String) t.get("name")).toList();
            case "res_format" -> ((List<Map<String, Object>>) pkg.get("resources")).stream().map(r -> (String) r.get("format")).distinct().toList();
            case "organization" -> List.of((String) ((Map<String, Object>) pkg.get("organization")).get("name"));
            default -> pkg.get(field) == null ? List.of() : List.of(pkg.get(field).toString());
        };
    }

    /** "metadata_modified desc, id asc": missing values sort last either way. */
    private static Comparator<Map<String, Object>> order(String sort) {
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (String clause : sort.split(",")) {
            String[] parts = clause.strip().split("\\s+");
            String field = parts[0];
            boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
            if (!SORTABLE.contains(field) || parts.length > 2 || (parts.length == 2 && !parts[1].matches("(?i)asc|desc"))) {
                throw CkanException.invalid("sort", "Cannot sort by '" + clause.strip() + "'; use one of " + SORTABLE + " with asc or desc");
            }
            if (field.equals("score")) {
                continue; // every package matches equally well: keep the catalog's order
            }
            String key = field.equals("title_string") ? "title" : field;
            Comparator<String> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
            order = order.thenComparing(p -> (String) p.get(key), Comparator.nullsLast(values));
        }
        return order;
    }
}
