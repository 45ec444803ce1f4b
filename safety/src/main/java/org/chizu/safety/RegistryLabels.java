package org.chizu.safety;

import java.util.Optional;

import org.chizu.gis.layer.Attribute;
import org.chizu.platform.Label;
import org.chizu.gis.layer.LayerRegistry;
import org.springframework.stereotype.Component;

/** How the layer registry labels an attribute and its values, so answers read as the map's legend does. */
@Component
class RegistryLabels {

    private final LayerRegistry registry;

    RegistryLabels(LayerRegistry registry) {
        this.registry = registry;
    }

    /** The label of an attribute's allowed value; the raw value when the registry has none; null for null. */
    Label value(String layerId, String attribute, String value) {
        if (value == null) {
            return null;
        }
        return attribute(layerId, attribute).flatMap(a -> a.allowedValue(value)).map(Attribute.AllowedValue::label)
                .orElse(new Label(value, value));
    }

    /** The label of an attribute itself; its name when the registry does not declare it. */
    Label attributeLabel(String layerId, String attribute) {
        return attribute(layerId, attribute).map(Attribute::label).orElse(new Label(attribute, attribute));
    }

    private Optional<Attribute> attribute(String layerId, String attribute) {
        return registry.find(layerId).flatMap(layer -> layer.attribute(attribute));
    }
}
