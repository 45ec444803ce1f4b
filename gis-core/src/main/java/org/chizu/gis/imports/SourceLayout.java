package org.chizu.gis.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chizu.platform.Label;

/**
 * A published file layout (国土地理院's shelter lists, 国土数値情報 A33 and A31a …) declared as data in
 * {@code layouts/*.yml}: which layer its files go into, the columns that tell it apart, and what
 * becomes of every column. A file whose columns include all of {@link #detect} is read with the
 * layout without being asked. Column names compare as {@link FieldNames} says.
 *
 * @param id        how the command line ({@code --layout}) and the HTTP API ({@code layout=}) name it
 * @param title     what it is, for people
 * @param spec      where its columns are specified
 * @param layer     the layer its files go into
 * @param detect    columns that a file in this layout always has and others do not
 * @param constants attribute values every feature of such a file gets (the facilities' {@code kind}
 *                  of a list, which the list itself does not repeat per row)
 * @param columns   source column → how it fills an attribute
 * @param ignore    source column → why it is not imported; such columns are accounted for
 */
record SourceLayout(String id, Label title, String spec, String layer, List<String> detect,
                    Map<String, Object> constants, Map<String, Column> columns, Map<String, String> ignore) {

    SourceLayout {
        Objects.requireNonNull(id, "layout id");
        Objects.requireNonNull(layer, "layer of layout " + id);
        detect = List.copyOf(detect);
        constants = constants == null ? Map.of() : new LinkedHashMap<>(constants);
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        ignore = ignore == null ? Map.of() : new LinkedHashMap<>(ignore);
        if (detect.isEmpty()) {
            throw new IllegalArgumentException("layout " + id + " names no columns to detect it by");
        }
    }

    /**
     * One source column's way into an attribute.
     *
     * @param attribute the attribute it fills
     * @param values    source value (as text, blank for an empty or missing value) → the value
     *                  stored; values not listed are taken as they are
     */
    record Column(String attribute, Map<String, Object> values) {

        Column {
            Objects.requireNonNull(attribute, "attribute");
            values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The value to store for a source value. */
        Object map(Object raw) {
            if (values.isEmpty()) {
                return raw;
            }
            String key = raw == null ? "" : raw.toString().strip();
            return values.containsKey(key) ? values.get(key) : raw;
        }
    }

    /** Whether a file with these columns is in this layout: it has every column of {@link #detect}. */
    boolean matches(Set<String> normalizedColumns) {
        return detect.stream().map(FieldNames::normalized).allMatch(normalizedColumns::contains);
    }

    /** How a source column fills an attribute, when the layout maps it. */
    Optional<Column> column(String field) {
        return find(columns, field);
    }

    /** Why the layout leaves a source column out, when it does. */
    Optional<String> ignoreReason(String field) {
        return find(ignore, field);
    }

    /** The share of the columns this layout knows (mapped or ignored) that a file has, from 0 to 1. */
    double overlap(Set<String> normalizedColumns) {
        Set<String> known = knownColumns();
        return known.stream().filter(normalizedColumns::contains).count() / (double) known.size();
    }

    private Set<String> knownColumns() {
        return java.util.stream.Stream.of(columns.keySet(), ignore.keySet(), Set.copyOf(detect))
                .flatMap(Set::stream).map(FieldNames::normalized).collect(Collectors.toSet());
    }

    private static <T> Optional<T> find(Map<String, T> byColumn, String field) {
        String wanted = FieldNames.normalized(field);
        return byColumn.entrySet().stream().filter(e -> FieldNames.normalized(e.getKey()).equals(wanted))
                .map(Map.Entry::getValue).findFirst();
    }
}
