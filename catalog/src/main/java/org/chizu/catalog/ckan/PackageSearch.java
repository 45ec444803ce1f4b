package org.chizu.catalog.ckan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.chizu.catalog.CatalogEntry;
import org.chizu.catalog.CatalogQuery;
import org.chizu.catalog.CatalogSearch;
import org.chizu.catalog.ContributedDataset;
import org.chizu.catalog.InvalidSearchException;
import org.chizu.catalog.SearchField;
import org.springframework.stereotype.Component;

/**
 * CKAN's {@code package_search} on the catalog's one search ({@link CatalogSearch}): {@code q},
 * {@code fq}, {@code modified_since} and {@code ext_bbox} select the entries, then {@code sort}
 * on id, name, title_string, metadata_modified and metadata_created, {@code start} and
 * {@code rows} page them, and {@code facet.field} counts values over all that matched. Only the
 * returned page is turned into packages. Datasets other modules contribute follow the layers, in
 * their contributors' order (the sort orders the layers).
 */
@Component
class PackageSearch {

    /** CKAN's default and ceiling for {@code rows}. */
    static final int DEFAULT_ROWS = 10;
    static final int MAX_ROWS = 1000;

    private static final List<String> SORTABLE = List.of("id", "name", "title_string", "metadata_modified", "metadata_created", "score");

    private final CatalogSearch search;
    private final CkanPackages packages;

    PackageSearch(CatalogSearch search, CkanPackages packages) {
        this.search = search;
        this.packages = packages;
    }

    /**
     * @throws CkanException a validation error naming an unusable parameter
     */
    Map<String, Object> run(ActionParameters parameters) {
        int rows = parameters.integer("rows", DEFAULT_ROWS, MAX_ROWS);
        int start = parameters.integer("start", 0, Integer.MAX_VALUE);
        List<String> facetFields = parameters.list("facet.field");
        Optional<Comparator<CatalogEntry>> order = parameters.text("sort").map(this::order);
        CatalogQuery query = query(parameters);
        List<CatalogEntry> matching = new ArrayList<>(search.matching(query));
        order.ifPresent(matching::sort);
        List<ContributedDataset> others = search.matchingContributed(query);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", matching.size() + others.size());
        result.put("sort", parameters.text("sort").orElse("score desc, metadata_modified desc"));
        List<Map<String, Object>> results = new ArrayList<>(matching.stream().skip(start).limit(rows).map(packages::toPackage).toList());
        others.stream().skip(Math.max(0, start - matching.size())).limit(rows - results.size()).map(packages::toPackage).forEach(results::add);
        result.put("results", results);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String name : facetFields) { // CKAN fields without a counterpart here ("license") count nothing
            facets.put(name, SearchField.named(name).map(field -> search.facet(matching, others, field)).orElse(Map.of()));
        }
        result.put("facets", facets);
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        facets.forEach((field, counts) -> searchFacets.put(field, Map.of("title", field, "items", counts.entrySet().stream()
                .map(c -> Map.of("name", c.getKey(), "display_name", c.getKey(), "count", c.getValue())).toList())));
        result.put("search_facets", searchFacets);
        return result;
    }

    private static CatalogQuery query(ActionParameters parameters) {
        try {
            return CatalogQuery.from(parameters::text);
        } catch (InvalidSearchException e) {
            throw CkanException.invalid(e.parameter(), e.reason());
        }
    }

    /** "metadata_modified desc, id asc": missing values sort last either way. */
    private Comparator<CatalogEntry> order(String sort) {
        Comparator<CatalogEntry> order = (a, b) -> 0;
        Map<String, String> packageIds = new HashMap<>(); // each computed once per sort, not per comparison
        for (String clause : sort.split(",")) {
            String[] parts = clause.strip().split("\\s+");
            String field = parts[0];
            boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
            if (!SORTABLE.contains(field) || parts.length > 2 || (parts.length == 2 && !parts[1].matches("(?i)asc|desc"))) {
                throw CkanException.invalid("sort", "Cannot sort by '" + clause.strip() + "'; use one of " + SORTABLE + " with asc or desc");
            }
            order = switch (field) {
                case "score" -> order; // every package matches equally well: keep the catalog's order
                case "id" -> order.thenComparing(by(e -> Optional.of(packageIds.computeIfAbsent(e.id(), packages::packageId)), descending));
                case "name" -> order.thenComparing(by(e -> Optional.of(e.id()), descending));
                case "title_string" -> order.thenComparing(by(e -> Optional.of(e.layer().title().ja()), descending));
                case "metadata_modified" -> order.thenComparing(by(CatalogEntry::modified, descending));
                default -> order.thenComparing(by(CatalogEntry::issued, descending));
            };
        }
        return order;
    }

    private static <T extends Comparable<T>> Comparator<CatalogEntry> by(Function<CatalogEntry, Optional<T>> key, boolean descending) {
        Comparator<T> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(e -> key.apply(e).orElse(null), Comparator.nullsLast(values));
    }
}
