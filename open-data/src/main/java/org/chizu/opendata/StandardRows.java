package org.chizu.opendata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.municipalities.Municipality;
import org.chizu.opendata.StandardDataset.Column;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A standard layout bound to a layer: turns one feature (its attribute values in the layer's order)
 * into the layout's row, column by column. The one place that says what each kind of column holds,
 * for the CSV downloads and for other modules writing the layout in other formats.
 */
public final class StandardRows {

    private final StandardDataset standard;
    /** Per column, the index of its attribute among the layer's (and a feature's values); -1 for none. */
    private final int[] attributeIndexes;

    public StandardRows(StandardDataset standard, Layer layer) {
        this.standard = standard;
        List<String> names = layer.attributes().stream().map(Attribute::name).toList();
        this.attributeIndexes = standard.columns().stream()
                .mapToInt(c -> c.attribute() == null ? -1 : names.indexOf(c.attribute())).toArray();
    }

    public StandardDataset standard() {
        return standard;
    }

    /** The column names, in the standard's order. */
    public List<String> header() {
        return standard.columns().stream().map(Column::name).toList();
    }

    /**
     * One feature's row.
     *
     * @param values       the layer's attribute values in declaration order (null where empty)
     * @param lonLat       the feature's geometry in JGD2011 longitude/latitude, which 緯度/経度 are taken from; may be null
     * @param municipality the municipality it lies in, when the standard {@link StandardDataset#needsMunicipality() needs it}
     * @return per column its value (as the attribute holds it, a String, or a BigDecimal for degrees), null where empty
     */
    public List<Object> row(long id, List<Object> values, Geometry lonLat, Optional<Municipality> municipality) {
        List<Object> row = new ArrayList<>(attributeIndexes.length);
        for (int c = 0; c < attributeIndexes.length; c++) {
            row.add(value(standard.columns().get(c), attributeIndexes[c], id, values, lonLat, municipality));
        }
        return row;
    }

    private static Object value(Column column, int attributeIndex, long id, List<Object> values, Geometry lonLat,
            Optional<Municipality> municipality) {
        if (column.attribute() != null) {
            Object value = values.get(attributeIndex);
            return column.map() == null || value == null ? value : column.map().get(String.valueOf(value));
        }
        if (column.value() != null || column.from() == null) {
            return column.value();
        }
        return switch (column.from()) {
            case FEATURE_ID -> id;
            case MUNICIPALITY_CODE -> municipality.map(Municipality::fullCode).orElse(null);
            case MUNICIPALITY_NAME -> municipality.map(m -> m.prefecture() + m.name().ja()).orElse(null);
            case LATITUDE -> degrees(lonLat, false);
            case LONGITUDE -> degrees(lonLat, true);
        };
    }

    /** Decimal degrees of the point, or of a point inside a line or polygon. */
    private static BigDecimal degrees(Geometry geometry, boolean longitude) {
        if (geometry == null || geometry.isEmpty()) {
            return null;
        }
        Point point = geometry instanceof Point p ? p : geometry.getInteriorPoint();
        return BigDecimal.valueOf(longitude ? point.getX() : point.getY());
    }
}
