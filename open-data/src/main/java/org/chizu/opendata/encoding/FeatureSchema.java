package org.chizu.opendata.encoding;

import java.util.Objects;

import org.chizu.gis.layer.Layer;
import org.chizu.opendata.query.OutputCrs;

/**
 * What an encoder needs to know besides the features: the layer (attributes, labels, geometry
 * kind) and the CRS the geometries are in.
 *
 * @param layer  the layer
 * @param crs    the CRS of the geometries
 * @param crsWkt its OGC WKT definition (for .prj files and GeoPackage), as PostGIS has it
 */
public record FeatureSchema(Layer layer, OutputCrs crs, String crsWkt) {

    public FeatureSchema {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(crsWkt, "crsWkt");
    }
}
