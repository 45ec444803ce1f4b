package org.chizu.opendata.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVPrinter;
import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.municipalities.Municipalities;
import org.chizu.gis.municipalities.Municipality;
import org.chizu.opendata.StandardDataset;
import org.chizu.opendata.StandardDataset.Column;
import org.chizu.opendata.query.FeatureRow;
import org.chizu.opendata.query.FeatureStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Writes features in a standard dataset's layout (自治体標準オープンデータセット): exactly the declared
 * columns in the declared order, as CSV the way {@link CsvEncoder} writes it (CRLF, a byte-order
 * mark in UTF-8). Features must arrive in JGD2011 longitude/latitude, which 緯度/経度 are written in.
 * Municipalities are looked up in batches of {@value #BATCH} features, so memory stays constant.
 */
public final class StandardCsvEncoder {

    private static final int BATCH = 500;

    private final StandardDataset standard;
    private final CsvOptions options;
    /** Per column, the index of its attribute among the layer's (and a feature's values); -1 for none. */
    private final int[] attributeIndexes;
    private final Municipalities municipalities;

    public StandardCsvEncoder(StandardDataset standard, Layer layer, CsvOptions options, Municipalities municipalities) {
        this.standard = standard;
        this.options = options;
        List<String> names = layer.attributes().stream().map(Attribute::name).toList();
        this.attributeIndexes = standard.columns().stream()
                .mapToInt(c -> c.attribute() == null ? -1 : names.indexOf(c.attribute())).toArray();
        this.municipalities = municipalities;
    }

    /** @return how many features were written */
    public long write(FeatureStream<FeatureRow> features, OutputStream out) throws IOException {
        CSVPrinter printer = options.printer(out);
        printer.printRecord(standard.columns().stream().map(Column::name).toList());
        List<FeatureRow> batch = new ArrayList<>(BATCH);
        long count = features.forEach(feature -> {
            batch.add(feature);
            if (batch.size() == BATCH) {
                print(batch, printer);
            }
        });
        print(batch, printer);
        printer.flush();
        return count;
    }

    private void print(List<FeatureRow> batch, CSVPrinter printer) throws IOException {
        List<Optional<Municipality>> located = standard.needsMunicipality()
                ? municipalities.containingEach(batch.stream().map(FeatureRow::geometry).toList())
                : batch.stream().map(f -> Optional.<Municipality>empty()).toList();
        for (int i = 0; i < batch.size(); i++) {
            FeatureRow feature = batch.get(i);
            Optional<Municipality> municipality = located.get(i);
            List<String> record = new ArrayList<>(standard.columns().size());
            for (int c = 0; c < attributeIndexes.length; c++) {
                record.add(value(standard.columns().get(c), attributeIndexes[c], feature, municipality));
            }
            printer.printRecord(record);
        }
        batch.clear();
    }

    private static String value(Column column, int attributeIndex, FeatureRow feature, Optional<Municipality> municipality) {
        if (column.attribute() != null) {
            Object value = feature.values().get(attributeIndex);
            if (column.map() != null) {
                return value == null ? "" : column.map().getOrDefault(String.valueOf(value), "");
            }
            return value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
        if (column.value() != null) {
            return column.value();
        }
        if (column.from() == null) {
            return "";
        }
        return switch (column.from()) {
            case FEATURE_ID -> Long.toString(feature.id());
            case MUNICIPALITY_CODE -> municipality.map(Municipality::fullCode).orElse("");
            case MUNICIPALITY_NAME -> municipality.map(m -> m.prefecture() + m.name().ja()).orElse("");
            case LATITUDE -> degrees(feature.geometry(), false);
            case LONGITUDE -> degrees(feature.geometry(), true);
        };
    }

    /** Decimal degrees of the point, or of a point inside a line or polygon. */
    private static String degrees(Geometry geometry, boolean longitude) {
        if (geometry == null || geometry.isEmpty()) {
            return "";
        }
        Point point = geometry instanceof Point p ? p : geometry.getInteriorPoint();
        return BigDecimal.valueOf(longitude ? point.getX() : point.getY()).toPlainString();
    }
}
