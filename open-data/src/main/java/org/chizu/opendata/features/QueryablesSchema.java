package org.chizu.opendata.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.gis.layer.Attribute;
import org.chizu.opendata.cql2.Queryables;

/**
 * The queryables of a layer as a JSON Schema (OGC API – Features Part 3): the geometry, the id and
 * every declared attribute with its label and allowed values. The OpenAPI document describes the
 * attribute query parameters with the same property schemas.
 */
final class QueryablesSchema {

    private QueryablesSchema() {
    }

    static Map<String, Object> of(Queryables queryables, String id) {
        var layer = queryables.layer();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Queryables.GEOMETRY, Map.of("title", "形状 (Geometry)", "format", switch (layer.geometry().kind()) {
            case POINT -> "geometry-point";
            case MULTI_LINE_STRING -> "geometry-multilinestring";
            case MULTI_POLYGON -> "geometry-multipolygon";
        }));
        properties.put(Queryables.ID, Map.of("title", "ID", "type", "integer"));
        layer.attributes().forEach(a -> properties.put(a.name(), property(a)));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", id);
        schema.put("type", "object");
        schema.put("title", layer.title().ja() + " (" + layer.title().en() + ")");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The JSON Schema of one attribute's values. */
    static Map<String, Object> property(Attribute attribute) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("title", attribute.label().ja() + " (" + attribute.label().en() + ")");
        switch (attribute.type()) {
            case TEXT -> property.put("type", "string");
            case INTEGER -> property.put("type", "integer");
            case DECIMAL -> property.put("type", "number");
            case BOOLEAN -> property.put("type", "boolean");
            case DATE -> {
                property.put("type", "string");
                property.put("format", "date");
            }
        }
        if (!attribute.values().isEmpty()) {
            List<String> values = attribute.values().stream().map(Attribute.AllowedValue::value).toList();
            property.put("enum", values);
        }
        return property;
    }
}
