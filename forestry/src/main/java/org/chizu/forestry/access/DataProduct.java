package org.chizu.forestry.access;

import java.util.Arrays;
import java.util.Optional;

import org.chizu.forestry.products.ProductKind;
import org.chizu.platform.Label;

/** What a firm may apply for: the rasters made from a survey, the forest resource tables and the points. */
public enum DataProduct {
    DEM(ProductKind.DEM), DSM(ProductKind.DSM), CHM(ProductKind.CHM), SLOPE(ProductKind.SLOPE),
    HILLSHADE(ProductKind.HILLSHADE), CS_RELIEF(ProductKind.CS_RELIEF),
    TREE_POINTS("tree_points", new Label("樹頂点（立木の位置・樹高・推定材積）", "Tree tops (position, height, estimated volume)")),
    RESOURCE_MESH("resource_mesh", new Label("森林資源量メッシュ（20 m）", "Forest resources per 20 m mesh")),
    POINT_CLOUD("point_cloud", new Label("点群（LAS）", "Point cloud (LAS)"));

    public final String id;
    /** How the application form names it. */
    public final Label label;

    DataProduct(ProductKind raster) {
        this(raster.id, raster.label);
    }

    DataProduct(String id, Label label) {
        this.id = id;
        this.label = label;
    }

    public static Optional<DataProduct> of(String id) {
        return Arrays.stream(values()).filter(product -> product.id.equals(id)).findFirst();
    }
}
