package org.chizu.opendata.encoding;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.chizu.gis.layer.GeometryKind;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes the geometry half of a Shapefile — the .shp records and the .shx index — as the ESRI
 * Shapefile Technical Description (1998) defines them, for the three kinds Chizu stores: Point,
 * PolyLine (from MultiLineString) and Polygon (from MultiPolygon; outer rings clockwise, holes
 * counter-clockwise, as the format requires). 2D only; a missing geometry is a Null Shape. The
 * file headers need the extent and the length, so they are written last, over a placeholder.
 */
final class ShapeRecordWriter implements AutoCloseable {

    private static final int HEADER_BYTES = 100;
    private static final int FILE_CODE = 9994;
    private static final int VERSION = 1000;
    private static final int NULL_SHAPE = 0;

    private final Path shpFile;
    private final Path shxFile;
    private final int shapeType;
    private final OutputStream shp;
    private final OutputStream shx;
    private final Envelope extent = new Envelope();
    private long shpBytes = HEADER_BYTES;
    private long shxBytes = HEADER_BYTES;
    private int recordNumber;

    ShapeRecordWriter(Path shpFile, Path shxFile, GeometryKind kind) throws IOException {
        this.shpFile = shpFile;
        this.shxFile = shxFile;
        this.shapeType = switch (kind) {
            case POINT -> 1;
            case MULTI_LINE_STRING -> 3;
            case MULTI_POLYGON -> 5;
        };
        this.shp = new BufferedOutputStream(Files.newOutputStream(shpFile), 1 << 16);
        this.shx = new BufferedOutputStream(Files.newOutputStream(shxFile), 1 << 16);
        shp.write(new byte[HEADER_BYTES]);
        shx.write(new byte[HEADER_BYTES]);
    }

    void write(Geometry geometry) throws IOException {
        ByteBuffer content = geometry == null || geometry.isEmpty() ? nullShape() : switch (shapeType) {
            case 1 -> point((Point) geometry);
            default -> parts(geometry, rings(geometry));
        };
        if (geometry != null) {
            extent.expandToInclude(geometry.getEnvelopeInternal());
        }
        int contentWords = content.limit() / 2;
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(++recordNumber).putInt(contentWords);
        shp.write(header.array());
        shp.write(content.array(), 0, content.limit());
        ByteBuffer index = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt((int) (shpBytes / 2)).putInt(contentWords);
        shx.write(index.array());
        shpBytes += 8 + content.limit();
        shxBytes += 8;
    }

    @Override
    public void close() throws IOException {
        shp.close();
        shx.close();
        writeHeader(shpFile, shpBytes);
        writeHeader(shxFile, shxBytes);
    }

    private ByteBuffer nullShape() {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(NULL_SHAPE).flip();
    }

    private ByteBuffer point(Point point) {
        return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(shapeType).putDouble(point.getX()).putDouble(point.getY()).flip();
    }

    /** The parts of a line or polygon geometry, each as its coordinates, rings oriented for Shapefile. */
    private static List<Coordinate[]> rings(Geometry geometry) {
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                parts.add(oriented(polygon.getExteriorRing().getCoordinates(), true));
                for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
                    parts.add(oriented(polygon.getInteriorRingN(hole).getCoordinates(), false));
                }
            } else {
                parts.add(((LineString) part).getCoordinates());
            }
        }
        return parts;
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean clockwise) {
        if (Orientation.isCCW(ring) == clockwise) {
            Coordinate[] reversed = new Coordinate[ring.length];
            for (int i = 0; i < ring.length; i++) {
                reversed[i] = ring[ring.length - 1 - i];
            }
            return reversed;
        }
        return ring;
    }

    private ByteBuffer parts(Geometry geometry, List<Coordinate[]> parts) {
        int points = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer content = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope box = geometry.getEnvelopeInternal();
        content.putInt(shapeType).putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX()).putDouble(box.getMaxY());
        content.putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] part : parts) {
            content.putInt(start);
            start += part.length;
        }
        for (Coordinate[] part : parts) {
            for (Coordinate c : part) {
                content.putDouble(c.x).putDouble(c.y);
            }
        }
        return content.flip();
    }

    private void writeHeader(Path file, long bytes) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.order(ByteOrder.BIG_ENDIAN).putInt(FILE_CODE).position(24);
        header.putInt((int) (bytes / 2));
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(VERSION).putInt(shapeType);
        Envelope box = extent.isNull() ? new Envelope(0, 0, 0, 0) : extent;
        header.putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX()).putDouble(box.getMaxY());
        header.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        header.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(header, 0);
        }
    }
}
