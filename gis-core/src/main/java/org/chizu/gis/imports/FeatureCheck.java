package org.chizu.gis.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.GeometryKind;
import org.chizu.gis.layer.Layer;

/**
 * Checks a source feature against its layer's declaration, its fields mapped as
 * {@link AttributeMapping} says: a geometry of the layer's kind, and
 * for every attribute a value of its type, present when required, among the allowed values (given
 * as the value or as its Japanese or English label) that its column can hold ({@link ColumnLimits}). What
 * needs PostGIS (geometry validity, the database's own rules) is checked later, on the staged rows.
 */
final class FeatureCheck {

    static final String GEOMETRY_FIELD = "geometry";

    private final Layer layer;
    private final AttributeMapping mapping;
    private final ColumnLimits limits;
    private int checked;

    FeatureCheck(Layer layer, AttributeMapping mapping, ColumnLimits limits) {
        this.layer = layer;
        this.mapping = mapping;
        this.limits = limits;
    }

    /**
     * The feature's attribute values in the layer's attribute order, each converted to its type
     * (null where a value is missing or wrong), or empty when the geometry cannot be stored at all.
     * Every problem found is reported.
     */
    Optional<List<Object>> check(SourceFeature feature, ImportProblems problems) {
        checked++;
        mapping.columnsSeen(feature.properties().keySet());
        Map<Attribute, String> fieldOf = new HashMap<>();
        Map<Attribute, Object> raw = new HashMap<>(mapping.constants());
        feature.properties().forEach((field, value) -> mapping.attributeFor(field).ifPresent(attribute -> {
            fieldOf.put(attribute, field);
            raw.put(attribute, mapping.value(field, value));
        }));
        List<Object> values = new ArrayList<>(layer.attributes().size());
        for (Attribute attribute : layer.attributes()) {
            try {
                Object value = attribute.accept(valueForLabel(attribute, raw.get(attribute)));
                limits.check(attribute.name(), value);
                values.add(value);
            } catch (IllegalArgumentException e) {
                problems.add(feature.problem(fieldOf.getOrDefault(attribute, attribute.name()), e.getMessage()));
                values.add(null);
            }
        }
        return geometryFits(feature, problems) ? Optional.of(values) : Optional.empty();
    }

    /** How many features were checked. */
    int checked() {
        return checked;
    }

    /** Japanese files often hold an allowed value's label (国道) rather than the value (national). */
    private static Object valueForLabel(Attribute attribute, Object raw) {
        if (!(raw instanceof String text)) {
            return raw;
        }
        String label = text.strip();
        return attribute.values().stream()
                .filter(v -> v.label().ja().equals(label) || v.label().en().equalsIgnoreCase(label))
                .findFirst()
                .<Object>map(Attribute.AllowedValue::value)
                .orElse(raw);
    }

    private boolean geometryFits(SourceFeature feature, ImportProblems problems) {
        GeometryKind kind = layer.geometry().kind();
        if (feature.geometry() == null || feature.geometry().isEmpty()) {
            problems.add(feature.problem(GEOMETRY_FIELD, "has no geometry"));
            return false;
        }
        String type = feature.geometry().getGeometryType();
        if (!kind.accepts(type)) {
            problems.add(feature.problem(GEOMETRY_FIELD, "is a " + type + "; layer " + layer.id() + " takes "
                    + kind.postgisName() + (kind == GeometryKind.POINT ? "" : " or its single-part form")));
            return false;
        }
        return true;
    }
}
