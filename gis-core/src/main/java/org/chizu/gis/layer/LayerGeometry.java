package org.chizu.gis.layer;

import java.util.Objects;

/**
 * Where and how a layer stores its geometry.
 *
 * @param column the geometry column, in {@link #srid()}
 * @param kind   the stored geometry type
 * @param srid   the EPSG code of the stored coordinates (JGD2011, 6668, for the core layers)
 */
public record LayerGeometry(String column, GeometryKind kind, int srid) {

    public LayerGeometry {
        Objects.requireNonNull(column, "geometry column");
        Objects.requireNonNull(kind, "geometry kind");
        if (srid <= 0) {
            throw new IllegalArgumentException("a layer's geometry needs an explicit SRID");
        }
    }
}
