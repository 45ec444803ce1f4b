package org.chizu.opendata.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.GeometryKind;
import org.chizu.opendata.query.FeatureRow;
import org.chizu.opendata.query.FeatureStream;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

/**
 * Writes features as CSV the way Excel and municipal systems read it: CRLF line ends, a header row
 * (Japanese labels or column names), then the id, the attributes, and the geometry — as 経度/緯度
 * (longitude/latitude, or X/Y in a projected CRS) columns for points, as WKT otherwise.
 */
public final class CsvEncoder {

    private final CsvOptions options;

    public CsvEncoder(CsvOptions options) {
        this.options = options;
    }

    /** The header row for a layer, as this encoder writes it. */
    public List<String> header(FeatureSchema schema) {
        List<String> header = new ArrayList<>();
        header.add(options.labels() ? "ID" : schema.layer().idColumn());
        for (Attribute attribute : schema.layer().attributes()) {
            header.add(options.labels() ? attribute.label().ja() : attribute.name());
        }
        boolean geographic = schema.crs().isGeographic();
        if (schema.layer().geometry().kind() == GeometryKind.POINT) {
            header.add(options.labels() ? (geographic ? "経度" : "X") : (geographic ? "longitude" : "x"));
            header.add(options.labels() ? (geographic ? "緯度" : "Y") : (geographic ? "latitude" : "y"));
        } else {
            header.add(options.labels() ? "形状 (WKT)" : "wkt");
        }
        return header;
    }

    /** @return how many features were written */
    public long write(FeatureSchema schema, FeatureStream<FeatureRow> features, OutputStream out) throws IOException {
        boolean points = schema.layer().geometry().kind() == GeometryKind.POINT;
        WKTWriter wkt = new WKTWriter();
        CSVPrinter printer = options.printer(out);
        printer.printRecord(header(schema));
        List<Object> record = new ArrayList<>();
        long count = features.forEach(feature -> {
            record.clear();
            record.add(feature.id());
            for (Object value : feature.values()) {
                record.add(value instanceof BigDecimal decimal ? decimal.toPlainString() : value);
            }
            if (points) {
                Point point = (Point) feature.geometry();
                record.add(point == null ? null : point.getX());
                record.add(point == null ? null : point.getY());
            } else {
                record.add(feature.geometry() == null ? null : wkt.write(feature.geometry()));
            }
            printer.printRecord(record);
        });
        printer.flush();
        return count;
    }
}
