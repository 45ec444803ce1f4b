package org.chizu.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.gis.layer.Attribute;
import org.chizu.platform.Label;
import org.chizu.gis.layer.Layer;

/**
 * One MVT layer of a tileset as TileJSON's {@code vector_layers} and MBTiles metadata describe it.
 *
 * @param id          the MVT layer name: the registry layer id
 * @param description the layer's title, Japanese first with English beside it
 * @param minzoom     the lowest zoom with the layer's features
 * @param maxzoom     the highest zoom with the layer's features
 * @param fields      attribute name to value type ("String", "Number", "Boolean"): every attribute
 *                    that tiles of some zoom carry, in declaration order
 */
public record VectorLayer(String id, String description, int minzoom, int maxzoom, Map<String, String> fields) {

    public static List<VectorLayer> of(Tileset tileset) {
        return tileset.layers().stream().map(VectorLayer::of).toList();
    }

    static VectorLayer of(Layer layer) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Attribute attribute : layer.attributes()) {
            boolean carried = false;
            for (int z = layer.tiles().minzoom(); z <= layer.tiles().maxzoom() && !carried; z++) {
                carried = layer.tiles().at(z, layer.attributes()).attributes().contains(attribute);
            }
            if (carried) {
                fields.put(attribute.name(), switch (attribute.type()) {
                    case TEXT, DATE -> "String";
                    case INTEGER, DECIMAL -> "Number";
                    case BOOLEAN -> "Boolean";
                });
            }
        }
        return new VectorLayer(layer.id(), layer.title().bilingual(), layer.tiles().minzoom(), layer.tiles().maxzoom(), fields);
    }

}
