package org.chizu.forestry.access;

import java.util.Arrays;
import java.util.Optional;

import org.chizu.forestry.products.ProductKind;

/** What a firm may apply for: the rasters made from a survey, the forest resource tables and the points. */
public enum DataProduct {
    DEM(ProductKind.DEM.id), DSM(ProductKind.DSM.id), CHM(ProductKind.CHM.id), SLOPE(ProductKind.SLOPE.id),
    HILLSHADE(ProductKind.HILLSHADE.id), CS_RELIEF(ProductKind.CS_RELIEF.id),
    TREE_POINTS("tree_points"), RESOURCE_MESH("resource_mesh"), POINT_CLOUD("point_cloud");

    public final String id;

    DataProduct(String id) {
        this.id = id;
    }

    public static Optional<DataProduct> of(String id) {
        return Arrays.stream(values()).filter(product -> product.id.equals(id)).findFirst();
    }
}
