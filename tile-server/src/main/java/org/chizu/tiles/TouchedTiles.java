package org.chizu.tiles;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.TileSettings;

/**
 * The tiles an edit of one layer may have changed: at every zoom, those of every tileset that
 * includes the layer whose area, widened by the layer's tile buffer, meets the edit's bounds. A
 * change without bounds touches every tile of the layer. A rebuilt generalisation touches every
 * tile of the layer at the zooms up to its {@code upTo}.
 */
final class TouchedTiles {

    private final String layerId;
    /** Indexed by zoom, an entry null when no tile at that zoom is touched; null when the whole layer changed. */
    private final TileRange[] ranges;
    /** Every tile at zooms up to this one is touched; -1 for none. */
    private final int everyTileUpTo;

    TouchedTiles(Layer layer, LayerDataChanged change) {
        this.layerId = layer.id();
        double margin = (double) layer.tiles().buffer() / layer.tiles().extent();
        this.ranges = change.bounds() == null ? null : TileRange.atEveryZoom(change.bounds(), margin);
        this.everyTileUpTo = -1;
    }

    private TouchedTiles(String layerId, TileRange[] ranges, int everyTileUpTo) {
        this.layerId = layerId;
        this.ranges = ranges;
        this.everyTileUpTo = everyTileUpTo;
    }

    /** Every tile of the layer at every zoom. */
    static TouchedTiles wholeLayer(String layerId) {
        return new TouchedTiles(layerId, null, -1);
    }

    /** Every tile of the layer at zooms up to {@code upTo}, none above. */
    static TouchedTiles zoomsUpTo(Layer layer, int upTo) {
        return new TouchedTiles(layer.id(), new TileRange[TileSettings.MAX_ZOOM + 1], upTo);
    }

    boolean includesTileset(String tilesetName) {
        return Tileset.nameIncludes(tilesetName, layerId);
    }

    boolean wholeLayer() {
        return ranges == null;
    }

    /** True when every tile at zoom {@code z} is touched. */
    boolean everyTileAt(int z) {
        return z <= everyTileUpTo;
    }

    /** The touched tiles at a zoom, null for none; only when not {@link #wholeLayer()} nor {@link #everyTileAt}. */
    TileRange at(int z) {
        return ranges[z];
    }

    boolean touches(TileKey key) {
        if (!includesTileset(key.tileset())) {
            return false;
        }
        TileRange range = ranges == null ? null : ranges[key.z()];
        return ranges == null || everyTileAt(key.z()) || range != null && range.contains(key.x(), key.y());
    }
}
