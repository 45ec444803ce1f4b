package org.chizu.gis.imports;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chizu.gis.layer.Attribute;

/**
 * Which of a file's fields fill which attribute of the layer. A field matches an attribute by the
 * attribute's name or by its Japanese or English label (Japanese files head their columns
 * 路線番号 rather than route_no), compared as {@link FieldNames} says. Fields that match nothing
 * are remembered as ignored.
 */
final class AttributeMapping {

    private final Map<String, Attribute> byNormalizedName = new HashMap<>();
    private final Map<String, Optional<Attribute>> resolved = new HashMap<>();
    private final Map<Attribute, String> fieldOf = new HashMap<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private final Set<String> clashes = new LinkedHashSet<>();

    AttributeMapping(List<Attribute> attributes) {
        for (Attribute attribute : attributes) {
            for (String name : List.of(attribute.name(), attribute.label().ja(), attribute.label().en())) {
                byNormalizedName.putIfAbsent(FieldNames.normalized(name), attribute);
            }
        }
    }

    /**
     * The attribute a field fills, or empty when it fills none: the field is then ignored, or, when
     * another field already fills the same attribute (as "name" and "路線名" would), a clash.
     */
    Optional<Attribute> attributeFor(String field) {
        Optional<Attribute> attribute = resolved.computeIfAbsent(field,
                f -> Optional.ofNullable(byNormalizedName.get(FieldNames.normalized(f))));
        if (attribute.isEmpty()) {
            ignored.add(field);
            return attribute;
        }
        String first = fieldOf.putIfAbsent(attribute.get(), field);
        if (first != null && !first.equals(field)) {
            clashes.add("the fields '" + first + "' and '" + field + "' both fill attribute "
                    + attribute.get().name() + ": keep one of them");
            return Optional.empty();
        }
        return attribute;
    }

    /** One message for each attribute that two fields of the file fill. */
    List<String> clashes() {
        return List.copyOf(clashes);
    }

    /** The fields met so far that fill no attribute, in the order first met. */
    List<String> ignoredFields() {
        return List.copyOf(ignored);
    }
}
