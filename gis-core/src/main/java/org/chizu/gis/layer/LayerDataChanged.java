package org.chizu.gis.layer;

/**
 * Published after a transaction that changed a layer's features has committed, so that caches
 * (tiles, downloads, catalog) can drop exactly what the change touched.
 *
 * @param layerId the layer whose data changed
 * @param bounds  the area the change touched, in JGD2011 longitude/latitude (EPSG:6668): the union
 *                of the old and new geometries' bounding boxes; null when the whole layer may have
 *                changed (a replacing import, say)
 */
public record LayerDataChanged(String layerId, Bounds bounds) {

    /** A longitude/latitude box. */
    public record Bounds(double minLon, double minLat, double maxLon, double maxLat) {
    }

    public static LayerDataChanged wholeLayer(String layerId) {
        return new LayerDataChanged(layerId, null);
    }
}
