package org.chizu.tiles.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.chizu.tiles.VectorLayer;

/**
 * A TileJSON 3.0.0 document: what MapLibre, QGIS and GDAL need to use a tileset.
 *
 * @param bounds west, south, east, north in longitude/latitude
 * @param center longitude, latitude and a zoom to open at
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TileJson(
        String tilejson,
        String name,
        String description,
        String attribution,
        String scheme,
        List<String> tiles,
        int minzoom,
        int maxzoom,
        double[] bounds,
        double[] center,
        @JsonProperty("vector_layers") List<VectorLayer> vectorLayers) {
}
