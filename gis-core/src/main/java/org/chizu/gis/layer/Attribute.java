package org.chizu.gis.layer;

import org.chizu.platform.Label;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared attribute of a layer: a column of the layer's table.
 *
 * @param name     the column name, also the property name in every output
 * @param type     the value type
 * @param label    what people read instead of the column name
 * @param required whether every feature must have a value
 * @param values   the allowed values with their labels; empty when any value of the type is allowed
 */
public record Attribute(String name, AttributeType type, Label label, boolean required, List<AllowedValue> values) {

    public Attribute {
        Objects.requireNonNull(name, "attribute name");
        Objects.requireNonNull(type, "attribute type of " + name);
        Objects.requireNonNull(label, "attribute label of " + name);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** An allowed value of an enumerated attribute and how it reads. */
    public record AllowedValue(String value, Label label) {
    }

    public Optional<AllowedValue> allowedValue(Object value) {
        return values.stream().filter(v -> v.value().equals(String.valueOf(value))).findFirst();
    }

    /**
     * Converts and checks an input value: its type, its presence when required, and membership of
     * the allowed values.
     *
     * @throws IllegalArgumentException saying what is wrong, fit for the person who made the file
     */
    public Object accept(Object raw) {
        Object value = type.parse(raw);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("a value is required");
            }
            return null;
        }
        if (!values.isEmpty() && allowedValue(value).isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' is not one of "
                    + values.stream().map(AllowedValue::value).toList());
        }
        return value;
    }
}
