package org.chizu.opendata.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVPrinter;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.municipalities.Municipalities;
import org.chizu.gis.municipalities.Municipality;
import org.chizu.opendata.StandardDataset;
import org.chizu.opendata.StandardRows;
import org.chizu.opendata.query.FeatureRow;
import org.chizu.opendata.query.FeatureStream;

/**
 * Writes features in a standard dataset's layout (自治体標準オープンデータセット): exactly the declared
 * columns in the declared order, as CSV the way {@link CsvEncoder} writes it (CRLF, a byte-order
 * mark in UTF-8). Features must arrive in JGD2011 longitude/latitude, which 緯度/経度 are written in.
 * Municipalities are looked up in batches of {@value #BATCH} features, so memory stays constant.
 */
public final class StandardCsvEncoder {

    private static final int BATCH = 500;

    private final StandardRows rows;
    private final CsvOptions options;
    private final Municipalities municipalities;

    public StandardCsvEncoder(StandardDataset standard, Layer layer, CsvOptions options, Municipalities municipalities) {
        this.rows = new StandardRows(standard, layer);
        this.options = options;
        this.municipalities = municipalities;
    }

    /** @return how many features were written */
    public long write(FeatureStream<FeatureRow> features, OutputStream out) throws IOException {
        CSVPrinter printer = options.printer(out);
        printer.printRecord(rows.header());
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
        List<Optional<Municipality>> located = rows.standard().needsMunicipality()
                ? municipalities.containingEach(batch.stream().map(FeatureRow::geometry).toList())
                : batch.stream().map(f -> Optional.<Municipality>empty()).toList();
        for (int i = 0; i < batch.size(); i++) {
            FeatureRow feature = batch.get(i);
            printer.printRecord(rows.row(feature.id(), feature.values(), feature.geometry(), located.get(i)).stream()
                    .map(StandardCsvEncoder::text).toList());
        }
        batch.clear();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
