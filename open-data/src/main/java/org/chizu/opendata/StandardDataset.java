package org.chizu.opendata;

import org.chizu.gis.layer.Attribute;
import org.chizu.platform.Label;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A published standard table layout a layer also downloads in, such as one of デジタル庁's
 * 自治体標準オープンデータセット (指定緊急避難場所一覧 …). Declared in the layer's YAML under
 * {@code standards:} (open-data's section, {@link StandardLayouts}), so a new layout is a
 * declaration, not code. Checked against the layer's attributes when the registry loads the layer: every named attribute exists, every selected or mapped value
 * is one the attribute allows, column names are unique.
 *
 * @param id      the id used in the download URL ("emergency_evacuation_sites")
 * @param title   the standard dataset's name (指定緊急避難場所一覧)
 * @param spec    the specification the layout conforms to (an absolute http(s) URI)
 * @param where   the rows the standard covers: attribute name → the values it may have; empty for all
 * @param columns the standard's columns, in the standard's order
 */
public record StandardDataset(String id, Label title, String spec, Map<String, List<String>> where, List<Column> columns) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public StandardDataset {
        Objects.requireNonNull(id, "standard id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("standard id '" + id + "' must be a lower-case name (a-z, 0-9, _)");
        }
        Objects.requireNonNull(title, "title of standard " + id);
        Objects.requireNonNull(spec, "spec of standard " + id);
        URI uri = URI.create(spec);
        if (!uri.isAbsolute() || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("spec of standard " + id + " must be an http(s) URL, not '" + spec + "'");
        }
        where = where == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(where));
        columns = List.copyOf(columns == null ? List.of() : columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("standard " + id + " declares no columns");
        }
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("standard " + id + " declares column " + column.name() + " twice");
            }
        }
    }

    /**
     * Where a column's values come from. Exactly one of {@code attribute}, {@code value} and
     * {@code from} is given, or none for a column the layer holds nothing for (written empty).
     *
     * @param name      the column header, as the standard spells it
     * @param attribute a layer attribute whose value is written
     * @param map       with {@code attribute}: attribute value ("true", "school") → text written;
     *                  a value not in the map is written empty
     * @param value     a constant written in every row
     * @param from      a value derived from the feature itself
     */
    public record Column(String name, String attribute, Map<String, String> map, String value, Derived from) {

        public Column {
            Objects.requireNonNull(name, "a standard column needs a name");
            int sources = (attribute == null ? 0 : 1) + (value == null ? 0 : 1) + (from == null ? 0 : 1);
            if (sources > 1) {
                throw new IllegalArgumentException("column " + name + " must take its value from one of attribute, value or from");
            }
            if (map != null && attribute == null) {
                throw new IllegalArgumentException("column " + name + " maps values but names no attribute");
            }
            map = map == null ? null : Map.copyOf(map);
        }
    }

    /** Values a column can take from the feature rather than from an attribute. */
    public enum Derived {
        /** The feature's id. */
        FEATURE_ID,
        /** 全国地方公共団体コード: six digits with the check digit, of the municipality the feature lies in. */
        MUNICIPALITY_CODE,
        /** 地方公共団体名: prefecture and municipality name (島根県益田市) of the municipality the feature lies in. */
        MUNICIPALITY_NAME,
        /** 緯度: JGD2011 latitude in decimal degrees. */
        LATITUDE,
        /** 経度: JGD2011 longitude in decimal degrees. */
        LONGITUDE
    }

    /** Whether a column needs the municipality the feature lies in. */
    public boolean needsMunicipality() {
        return columns.stream().anyMatch(c -> c.from() == Derived.MUNICIPALITY_CODE || c.from() == Derived.MUNICIPALITY_NAME);
    }

    /**
     * The problems of this declaration against the layer's attributes; empty when it fits.
     */
    List<String> problemsWith(List<Attribute> attributes) {
        Map<String, Attribute> byName = new LinkedHashMap<>();
        attributes.forEach(a -> byName.put(a.name(), a));
        List<String> problems = new ArrayList<>();
        where.forEach((name, values) -> problems.addAll(valueProblems("row selection", byName.get(name), name, values)));
        for (Column column : columns) {
            if (column.attribute() != null) {
                problems.addAll(valueProblems("column " + column.name(), byName.get(column.attribute()), column.attribute(),
                        column.map() == null ? List.of() : List.copyOf(column.map().keySet())));
            }
        }
        return problems.stream().map(p -> "standard " + id + ": " + p).toList();
    }

    private static List<String> valueProblems(String where, Attribute attribute, String name, List<String> values) {
        if (attribute == null) {
            return List.of(where + " names unknown attribute '" + name + "'");
        }
        List<String> problems = new ArrayList<>();
        for (String value : values) {
            try {
                if (attribute.accept(value) == null) {
                    problems.add(where + ": an empty value of " + name + " cannot be selected or mapped");
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + ": value '" + value + "' of " + name + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
