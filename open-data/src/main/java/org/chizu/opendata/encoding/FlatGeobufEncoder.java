package org.chizu.opendata.encoding;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chizu.gis.layer.Attribute;
import org.chizu.opendata.query.FeatureRow;
import org.chizu.opendata.query.FeatureStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiLineString;
import org.wololo.flatgeobuf.ColumnMeta;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.Geometry;
import org.wololo.flatgeobuf.generated.GeometryType;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * Writes features as FlatGeobuf (flatgeobuf.org) with the wololo FlatGeobuf library, which
 * encodes header and geometries; this class adds the property encoding. The file has no spatial
 * index. Its header states the feature count and extent, which readers such as GDAL rely on, so
 * the features are first written to a temporary file and the header is written once they are all
 * known. The feature id is the first column, {@code id}; dates are DateTime columns holding ISO
 * dates.
 */
public final class FlatGeobufEncoder {

    /** @return how many features were written */
    public long write(FeatureSchema schema, FeatureStream<FeatureRow> features, OutputStream out) throws IOException {
        Path body = Files.createTempFile("chizu-", ".fgb-features");
        try {
            Envelope extent = new Envelope();
            long count;
            try (OutputStream featureOut = new BufferedOutputStream(Files.newOutputStream(body), 1 << 16)) {
                count = writeFeatures(schema, features, featureOut, extent);
            }
            out.write(Constants.MAGIC_BYTES);
            HeaderMeta header = new HeaderMeta();
            header.name = schema.layer().id();
            header.geometryType = geometryType(schema);
            header.srid = schema.crs().srid();
            header.indexNodeSize = 0;
            header.featuresCount = count;
            header.envelope = extent.isNull() ? null : extent;
            header.columns = columns(schema);
            HeaderMeta.write(header, out, new FlatBufferBuilder(1024));
            Files.copy(body, out);
            return count;
        } finally {
            Files.deleteIfExists(body);
        }
    }

    private static long writeFeatures(FeatureSchema schema, FeatureStream<FeatureRow> features, OutputStream out,
                                      Envelope extent) throws IOException {
        List<Attribute> attributes = schema.layer().attributes();
        byte geometryType = geometryType(schema);
        FlatBufferBuilder builder = new FlatBufferBuilder(16 * 1024);
        PropertyBuffer properties = new PropertyBuffer();
        return features.forEach(feature -> {
            builder.clear();
            properties.clear();
            properties.putLong(0, feature.id());
            for (int i = 0; i < attributes.size(); i++) {
                properties.put(i + 1, feature.values().get(i));
            }
            int propertiesOffset = Feature.createPropertiesVector(builder, properties.bytes());
            int geometryOffset = 0;
            if (feature.geometry() != null) {
                extent.expandToInclude(feature.geometry().getEnvelopeInternal());
                geometryOffset = feature.geometry() instanceof MultiLineString lines
                        ? multiLineString(builder, lines)
                        : GeometryConversions.serialize(builder, feature.geometry(), geometryType);
            }
            int featureOffset = Feature.createFeature(builder, geometryOffset, propertiesOffset, 0);
            builder.finishSizePrefixed(featureOffset);
            ByteBuffer data = builder.dataBuffer();
            out.write(data.array(), data.position(), data.remaining());
        });
    }

    /**
     * A MultiLineString always with its part ends. The format lets a one-part line omit them and
     * the library does, but GDAL before 3.7 cannot read such a file.
     */
    private static int multiLineString(FlatBufferBuilder builder, MultiLineString lines) {
        long[] ends = new long[lines.getNumGeometries()];
        double[] xy = new double[lines.getNumPoints() * 2];
        int point = 0;
        for (int part = 0; part < lines.getNumGeometries(); part++) {
            for (Coordinate c : lines.getGeometryN(part).getCoordinates()) {
                xy[point * 2] = c.x;
                xy[point * 2 + 1] = c.y;
                point++;
            }
            ends[part] = point;
        }
        int endsOffset = Geometry.createEndsVector(builder, ends);
        int xyOffset = Geometry.createXyVector(builder, xy);
        return Geometry.createGeometry(builder, endsOffset, xyOffset, 0, 0, 0, 0, GeometryType.MultiLineString, 0);
    }

    private static byte geometryType(FeatureSchema schema) {
        return (byte) switch (schema.layer().geometry().kind()) {
            case POINT -> GeometryType.Point;
            case MULTI_LINE_STRING -> GeometryType.MultiLineString;
            case MULTI_POLYGON -> GeometryType.MultiPolygon;
        };
    }

    private static List<ColumnMeta> columns(FeatureSchema schema) {
        List<ColumnMeta> columns = new ArrayList<>();
        columns.add(column(schema.layer().idColumn(), ColumnType.Long, false));
        for (Attribute attribute : schema.layer().attributes()) {
            columns.add(column(attribute.name(), switch (attribute.type()) {
                case TEXT -> ColumnType.String;
                case INTEGER -> ColumnType.Long;
                case DECIMAL -> ColumnType.Double;
                case BOOLEAN -> ColumnType.Bool;
                case DATE -> ColumnType.DateTime;
            }, !attribute.required()));
        }
        return columns;
    }

    private static ColumnMeta column(String name, int type, boolean nullable) {
        ColumnMeta column = new ColumnMeta();
        column.name = name;
        column.type = (byte) type;
        column.nullable = nullable;
        column.width = -1;
        column.precision = -1;
        column.scale = -1;
        return column;
    }

    /** A feature's properties as FlatGeobuf stores them: column index (uint16), then the value, little-endian. */
    private static final class PropertyBuffer {
        private ByteBuffer buffer = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

        void clear() {
            buffer.clear();
        }

        void putLong(int column, long value) {
            ensure(10);
            buffer.putShort((short) column).putLong(value);
        }

        void put(int column, Object value) {
            switch (value) {
                case null -> { }
                case Long number -> putLong(column, number);
                case BigDecimal decimal -> {
                    ensure(10);
                    buffer.putShort((short) column).putDouble(decimal.doubleValue());
                }
                case Boolean flag -> {
                    ensure(3);
                    buffer.putShort((short) column).put((byte) (flag ? 1 : 0));
                }
                case LocalDate date -> putString(column, date.toString());
                default -> putString(column, value.toString());
            }
        }

        private void putString(int column, String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            ensure(6 + utf8.length);
            buffer.putShort((short) column).putInt(utf8.length).put(utf8);
        }

        byte[] bytes() {
            byte[] bytes = new byte[buffer.position()];
            buffer.get(0, bytes);
            return bytes;
        }

        private void ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more)).order(ByteOrder.LITTLE_ENDIAN);
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
        }
    }
}
