package org.chizu.catalog;

import java.util.Locale;

import org.chizu.gis.layer.LayerDataChanged.Bounds;

/**
 * The bounding box of a layer's data in longitude/latitude (JGD2011, taken as CRS84: the two
 * differ by far less than a catalog cares about). Invariant: min ≤ max on both axes.
 */
public record Extent(double minLon, double minLat, double maxLon, double maxLat) {

    public Extent {
        if (minLon > maxLon || minLat > maxLat) {
            throw new IllegalArgumentException("an extent's minimum exceeds its maximum");
        }
    }

    public static Extent of(Bounds bounds) {
        return new Extent(bounds.minLon(), bounds.minLat(), bounds.maxLon(), bounds.maxLat());
    }

    /** The box as a WKT polygon in longitude/latitude order, as GeoSPARQL's default CRS84 reads it. */
    public String wkt() {
        return String.format(Locale.ROOT, "POLYGON((%1$s %2$s, %3$s %2$s, %3$s %4$s, %1$s %4$s, %1$s %2$s))",
                number(minLon), number(minLat), number(maxLon), number(maxLat));
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
