package org.chizu.tiles.seed;

import java.util.List;

import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.tiles.VectorLayer;

/**
 * What every archive format records about a seeded tileset: the same facts in MBTiles' metadata
 * table and in PMTiles' header and metadata JSON.
 *
 * @param bounds  the seeded box in degrees; the center is its middle at {@code minZoom}
 * @param minZoom the lowest seeded zoom, not above {@code maxZoom}
 */
record ArchiveMetadata(String name, String description, Bounds bounds, int minZoom, int maxZoom,
                       List<VectorLayer> vectorLayers) {

    double centerLon() {
        return (bounds.minLon() + bounds.maxLon()) / 2;
    }

    double centerLat() {
        return (bounds.minLat() + bounds.maxLat()) / 2;
    }
}
