package org.chizu.tiles;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged;

/**
 * The tiles an edit of one layer may have changed: at every zoom, those of every tileset that
 * includes the layer whose area, widened by the layer's tile buffer, meets the edit's bounds. A
 * change without bounds touches every tile of the layer.
 */
final class TouchedTiles {

    private final String layerId;
    /** Indexed by zoom; null when the whole layer changed. */
    private final TileRange[] ranges;

    TouchedTiles(Layer layer, LayerDataChanged change) {
        this.layerId = layer.id();
        double margin = (double) layer.tiles().buffer() / layer.tiles().extent();
        this.ranges = change.bounds() == null ? null : TileRange.atEveryZoom(change.bounds(), margin);
    }

    boolean includesTileset(String tilesetName) {
        return Tileset.nameIncludes(tilesetName, layerId);
    }

    boolean wholeLayer() {
        return ranges == null;
    }

    /** The touched tiles at a zoom; only when not {@link #wholeLayer()}. */
    TileRange at(int z) {
        return ranges[z];
    }

    boolean touches(TileKey key) {
        return includesTileset(key.tileset()) && (ranges == null || ranges[key.z()].contains(key.x(), key.y()));
    }
}
