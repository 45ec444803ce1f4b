package org.chizu.gis.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;

/**
 * Which of a file's fields fill which attribute of the layer. With a {@link SourceLayout} (asked
 * for, or detected from the first feature's columns among the layouts of the layer) the layout
 * says: its renames, value maps and constants, and the columns it leaves out on purpose. Otherwise,
 * and for columns a layout does not name, a field matches an attribute by the attribute's name or
 * by its Japanese or English label (Japanese files head their columns 路線番号 rather than
 * route_no), compared as {@link FieldNames} says. Fields that match nothing are remembered as
 * ignored, and those that an unfilled attribute could hold, or that a layout does not account for,
 * are warned of by name.
 */
final class AttributeMapping {

    private final Layer layer;
    private final SourceLayouts layouts;
    private final Map<String, Attribute> byNormalizedName = new HashMap<>();
    private final Map<String, Attribute> byName = new HashMap<>();
    private final Map<String, Optional<Attribute>> resolved = new HashMap<>();
    private final Map<Attribute, String> fieldOf = new LinkedHashMap<>();
    private final Set<String> columns = new LinkedHashSet<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private final Set<String> problems = new LinkedHashSet<>();
    private final Map<Attribute, Object> constants = new LinkedHashMap<>();
    private SourceLayout layout;
    private boolean detected;
    private boolean started;

    /** @param requested the layout asked for, or null to detect one from the first feature's columns */
    AttributeMapping(Layer layer, SourceLayouts layouts, SourceLayout requested) {
        this.layer = layer;
        this.layouts = layouts;
        this.layout = requested;
        for (Attribute attribute : layer.attributes()) {
            byName.put(attribute.name(), attribute);
            for (String name : List.of(attribute.name(), attribute.label().ja(), attribute.label().en())) {
                byNormalizedName.putIfAbsent(FieldNames.normalized(name), attribute);
            }
        }
    }

    /** Called with each feature's fields before its values are read; the first decides the layout. */
    void columnsSeen(Set<String> fields) {
        columns.addAll(fields);
        if (started) {
            return;
        }
        started = true;
        if (layout == null) {
            layout = layouts.detect(fields).filter(l -> l.layer().equals(layer.id())).orElse(null);
            detected = layout != null;
        }
        if (layout != null) {
            layout.constants().forEach((name, value) -> attributeNamed(name, "sets")
                    .ifPresent(attribute -> constants.put(attribute, value)));
        }
    }

    /**
     * The attribute a field fills, or empty when it fills none: the field is then ignored, or, when
     * another field already fills the same attribute (as "name" and "路線名" would), a clash.
     */
    Optional<Attribute> attributeFor(String field) {
        Optional<Attribute> attribute = resolved.computeIfAbsent(field, this::resolve);
        if (attribute.isEmpty()) {
            ignored.add(field);
            return attribute;
        }
        String first = fieldOf.putIfAbsent(attribute.get(), field);
        if (first != null && !first.equals(field)) {
            problems.add("the fields '" + first + "' and '" + field + "' both fill attribute "
                    + attribute.get().name() + ": keep one of them");
            return Optional.empty();
        }
        return attribute;
    }

    private Optional<Attribute> resolve(String field) {
        if (layout != null) {
            Optional<SourceLayout.Column> column = layout.column(field);
            if (column.isPresent()) {
                return attributeNamed(column.get().attribute(), "maps column '" + field + "' to");
            }
            if (layout.ignoreReason(field).isPresent()) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(byNormalizedName.get(FieldNames.normalized(field)));
    }

    private Optional<Attribute> attributeNamed(String name, String what) {
        Attribute attribute = byName.get(name);
        if (attribute == null) {
            problems.add("layout " + layout.id() + " " + what + " attribute " + name + ", which layer " + layer.id()
                    + " does not have");
        }
        return Optional.ofNullable(attribute);
    }

    /** The value a field's raw value stands for: the layout's value map, else the value itself. */
    Object value(String field, Object raw) {
        return layout == null ? raw : layout.column(field).map(column -> column.map(raw)).orElse(raw);
    }

    /** The values the layout sets on every feature, by attribute. */
    Map<Attribute, Object> constants() {
        return constants;
    }

    /** The layout the file is read with, or empty. */
    Optional<SourceLayout> layout() {
        return Optional.ofNullable(layout);
    }

    /** Whether the layout was recognised from the columns rather than asked for. */
    boolean detected() {
        return detected;
    }

    /** Every column met so far, in the order first met. */
    Set<String> columns() {
        return columns;
    }

    /** One message for each attribute that two fields of the file fill, and for a layout the layer does not fit. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The fields met so far that fill no attribute, in the order first met. */
    List<String> ignoredFields() {
        return List.copyOf(ignored);
    }

    /** What became of each column met: the attribute it fills, or why it is left out. */
    List<ImportResult.ColumnUse> columnUses() {
        Map<String, Attribute> attributeOf = new HashMap<>();
        fieldOf.forEach((attribute, field) -> attributeOf.put(field, attribute));
        List<ImportResult.ColumnUse> uses = new ArrayList<>();
        for (String column : columns) {
            Attribute attribute = attributeOf.get(column);
            uses.add(attribute != null ? new ImportResult.ColumnUse(column, attribute.name(), null)
                    : new ImportResult.ColumnUse(column, null, whyLeftOut(column)));
        }
        constants.forEach((attribute, value) -> uses.add(new ImportResult.ColumnUse(null, attribute.name(),
                "set to " + value + " by layout " + layout.id())));
        return uses;
    }

    private String whyLeftOut(String column) {
        Optional<String> reason = layout == null ? Optional.empty() : layout.ignoreReason(column);
        return reason.orElseGet(() -> warningFor(column).orElse("no attribute of layer " + layer.id() + " has this name or label"));
    }

    /**
     * A sentence for each column that is dropped although an attribute that nothing fills could hold
     * it (its name or label is nearly the column's), or that the layout in use does not account for.
     */
    List<String> droppedColumnWarnings() {
        return ignored.stream().map(this::warningFor).flatMap(Optional::stream).toList();
    }

    private Optional<String> warningFor(String column) {
        if (layout != null && layout.ignoreReason(column).isPresent()) {
            return Optional.empty();
        }
        Optional<Attribute> near = layer.attributes().stream()
                .filter(a -> !fieldOf.containsKey(a) && !constants.containsKey(a))
                .filter(a -> nearlyNamed(column, a))
                .findFirst();
        if (near.isPresent()) {
            return Optional.of("column '" + column + "' is not imported, though attribute " + near.get().name() + " ("
                    + near.get().label().ja() + ") could hold it: rename the column to " + near.get().name());
        }
        if (layout != null) {
            return Optional.of("column '" + column + "' is not imported: layout " + layout.id()
                    + " does not account for it");
        }
        return Optional.empty();
    }

    /** The column's name is the attribute's name or label but for a character or two, or contains it. */
    private static boolean nearlyNamed(String column, Attribute attribute) {
        String c = FieldNames.normalized(column);
        for (String name : List.of(attribute.name(), attribute.label().ja(), attribute.label().en())) {
            String n = FieldNames.normalized(name);
            if (n.length() >= 2 && (c.contains(n) || n.contains(c) && c.length() >= 2)
                    || editDistance(c, n) <= Math.max(1, n.length() / 5)) {
                return true;
            }
        }
        return false;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
