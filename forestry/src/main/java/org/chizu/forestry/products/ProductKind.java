package org.chizu.forestry.products;

import org.chizu.platform.Label;

/** The rasters made from a survey, each named as the forestry office knows it. */
public enum ProductKind {
    DEM("dem", new Label("数値標高モデル（DEM）", "Digital elevation model (DEM)")),
    DSM("dsm", new Label("数値表層モデル（DSM）", "Digital surface model (DSM)")),
    CHM("chm", new Label("樹冠高モデル（CHM）", "Canopy height model (CHM)")),
    SLOPE("slope", new Label("傾斜（度）", "Slope (degrees)")),
    HILLSHADE("hillshade", new Label("陰影起伏", "Hillshade")),
    CS_RELIEF("cs-relief", new Label("CS立体図風の地形表現", "CS relief (curvature and slope)"));

    public final String id;
    public final Label label;

    ProductKind(String id, Label label) {
        this.id = id;
        this.label = label;
    }

    /**
     * @throws IllegalStateException for an id no kind has (the table's check constraint keeps others out)
     */
    public static ProductKind of(String id) {
        for (ProductKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown product kind " + id);
    }
}
