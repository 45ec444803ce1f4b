package org.chizu.app.layers;

import java.util.List;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.DataSource;
import org.chizu.platform.Label;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.Licence;
import org.chizu.gis.layer.Style;

/**
 * A layer as {@code /api/layers} shows it: the declaration, minus storage details (table,
 * columns), plus where its data came from.
 *
 * @param sample whether any of the layer's data was generated for the sample town
 */
record LayerView(
        String id,
        Label title,
        Label description,
        String geometryType,
        String access,
        Licence licence,
        List<AttributeView> attributes,
        Style style,
        List<Label> keywords,
        List<DataSource> sources,
        boolean sample) {

    record AttributeView(String name, String type, Label label, boolean required, List<ValueView> values) {
    }

    /** An allowed value; {@code fromZoom} is the zoom its features first appear in tiles, when above the layer's lowest. */
    record ValueView(String value, Label label, Integer fromZoom) {
    }

    static LayerView of(Layer layer, List<DataSource> sources) {
        return new LayerView(
                layer.id(),
                layer.title(),
                layer.description(),
                layer.geometry().kind().postgisName(),
                layer.access().name().toLowerCase(),
                layer.licence(),
                layer.attributes().stream().map(a -> new AttributeView(
                        a.name(), a.type().name().toLowerCase(), a.label(), a.required(),
                        a.values().isEmpty() ? null : a.values().stream().map(v -> valueView(layer, a, v)).toList())).toList(),
                layer.style(),
                layer.keywords(),
                sources,
                sources.stream().anyMatch(DataSource::sample));
    }

    private static ValueView valueView(Layer layer, Attribute attribute, Attribute.AllowedValue value) {
        int fromZoom = layer.tiles().firstZoomShowing(attribute.name(), value.value());
        return new ValueView(value.value(), value.label(), fromZoom > layer.tiles().minzoom() ? fromZoom : null);
    }
}
