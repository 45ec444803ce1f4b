package org.chizu.gis.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the records of a .shp file in order, as the ESRI Shapefile Technical Description (1998)
 * defines them: Point, MultiPoint, PolyLine and Polygon, with their Z and M variants read in two
 * dimensions (Chizu's layers store none; the heights and measures are dropped). A PolyLine of one
 * part becomes a LineString, of several a MultiLineString. A Polygon's rings are sorted by their
 * orientation: clockwise rings are shells and counter-clockwise ones holes, each hole given to the
 * smallest shell that holds it, as the format requires; a hole no shell holds is taken as a shell,
 * since some writers get the orientation wrong.
 */
final class ShapeRecords implements AutoCloseable {

    private static final int HEADER_BYTES = 100;
    private static final int FILE_CODE = 9994;
    private static final int NULL_SHAPE = 0;

    private final InputStream in;
    private final GeometryFactory geometries = new GeometryFactory();
    private final long declaredBytes;
    private long position;

    /**
     * Reads the file's header.
     *
     * @throws UnreadableShapefileException when it is not a .shp file's header
     */
    ShapeRecords(InputStream shp) throws IOException {
        this.in = new BufferedInputStream(shp, 1 << 16);
        ByteBuffer header = read(HEADER_BYTES, "its header");
        if (header.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
            throw new UnreadableShapefileException("the .shp file is not a Shapefile (its first bytes are not the file code 9994)");
        }
        declaredBytes = 2L * Integer.toUnsignedLong(header.getInt(24));
    }

    /**
     * One record of the file.
     *
     * @param number   its record number, counting from 1
     * @param geometry its shape, or null for a Null Shape
     */
    record ShapeRecord(int number, Geometry geometry) {
    }

    /**
     * The next record, or null after the last one.
     *
     * @throws UnreadableShapefileException when the file ends inside a record (a truncated file)
     * @throws UnreadableShapeException    when this record's shape cannot be read; the next call
     *                                     reads on with the record after it
     */
    ShapeRecord next() throws IOException, UnreadableShapeException {
        in.mark(1);
        if (in.read() < 0) {
            if (position < declaredBytes) {
                throw new UnreadableShapefileException("the .shp file ends after " + position + " bytes, but its header says "
                        + declaredBytes + ": the file is truncated");
            }
            return null;
        }
        in.reset();
        ByteBuffer header = read(8, "the header of a record");
        int number = header.order(ByteOrder.BIG_ENDIAN).getInt(0);
        long contentBytes = 2L * header.getInt(4);
        if (contentBytes < 4 || contentBytes > Integer.MAX_VALUE) {
            throw new UnreadableShapefileException("record " + number + " of the .shp file has a length of " + contentBytes
                    + " bytes, which no shape has: the file is damaged");
        }
        ByteBuffer content = read((int) contentBytes, "record " + number).order(ByteOrder.LITTLE_ENDIAN);
        try {
            return new ShapeRecord(number, shape(content));
        } catch (RuntimeException e) {
            // JTS refuses rings that do not close and lines of one point; the buffer, counts beyond the record's end.
            throw new UnreadableShapeException(number, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Geometry shape(ByteBuffer content) {
        int type = content.getInt();
        return switch (type) {
            case NULL_SHAPE -> null;
            case 1, 11, 21 -> geometries.createPoint(new Coordinate(content.getDouble(), content.getDouble()));
            case 8, 18, 28 -> multiPoint(content);
            case 3, 13, 23 -> polyLine(content);
            case 5, 15, 25 -> polygon(content);
            default -> throw new IllegalArgumentException("shape type " + type + " is not one Chizu reads "
                    + "(points, lines and polygons; not MultiPatch)");
        };
    }

    private Geometry multiPoint(ByteBuffer content) {
        content.position(content.position() + 32);
        Coordinate[] points = coordinates(content, content.getInt());
        return points.length == 1 ? geometries.createPoint(points[0]) : geometries.createMultiPointFromCoords(points);
    }

    private Geometry polyLine(ByteBuffer content) {
        LineString[] lines = parts(content).stream().map(geometries::createLineString).toArray(LineString[]::new);
        return lines.length == 1 ? lines[0] : geometries.createMultiLineString(lines);
    }

    private Geometry polygon(ByteBuffer content) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] part : parts(content)) {
            LinearRing ring = geometries.createLinearRing(part);
            (Orientation.isCCW(part) ? holes : shells).add(ring);
        }
        List<Polygon> sorted = withHoles(shells, holes);
        return sorted.size() == 1 ? sorted.get(0) : geometries.createMultiPolygon(sorted.toArray(Polygon[]::new));
    }

    /** Each hole goes to the smallest shell it lies in; a hole that lies in none stands as a shell. */
    private List<Polygon> withHoles(List<LinearRing> shells, List<LinearRing> holes) {
        List<Polygon> shellAreas = shells.stream().map(geometries::createPolygon).toList();
        List<List<LinearRing>> holesOf = new ArrayList<>();
        shells.forEach(shell -> holesOf.add(new ArrayList<>()));
        List<LinearRing> orphans = new ArrayList<>();
        for (LinearRing hole : holes) {
            Integer owner = null;
            for (int i = 0; i < shells.size(); i++) {
                if (holds(shellAreas.get(i), hole) && (owner == null || shellAreas.get(i).getArea() < shellAreas.get(owner).getArea())) {
                    owner = i;
                }
            }
            if (owner == null) {
                orphans.add(hole);
            } else {
                holesOf.get(owner).add(hole);
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            polygons.add(geometries.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new)));
        }
        orphans.stream().map(geometries::createPolygon).forEach(polygons::add);
        return polygons;
    }

    /** Whether the hole lies in the shell: its envelope does, and so does a vertex of it that is not on the shell. */
    private static boolean holds(Polygon shell, LinearRing hole) {
        if (!shell.getEnvelopeInternal().covers(hole.getEnvelopeInternal())) {
            return false;
        }
        var locator = new IndexedPointInAreaLocator(shell);
        for (Coordinate vertex : hole.getCoordinates()) {
            int location = locator.locate(vertex);
            if (location != Location.BOUNDARY) {
                return location == Location.INTERIOR;
            }
        }
        return true;
    }

    /** The parts of a PolyLine or Polygon, after its bounding box; Z and M ranges and values after the points are left unread. */
    private static List<Coordinate[]> parts(ByteBuffer content) {
        content.position(content.position() + 32);
        int partCount = content.getInt();
        int pointCount = content.getInt();
        if (partCount < 1 || pointCount < 0) {
            throw new IllegalArgumentException("the shape has " + partCount + " parts and " + pointCount + " points");
        }
        int[] starts = new int[partCount + 1];
        for (int i = 0; i < partCount; i++) {
            starts[i] = content.getInt();
        }
        starts[partCount] = pointCount;
        Coordinate[] points = coordinates(content, pointCount);
        List<Coordinate[]> parts = new ArrayList<>(partCount);
        for (int i = 0; i < partCount; i++) {
            if (starts[i] < 0 || starts[i] > starts[i + 1]) {
                throw new IllegalArgumentException("part " + (i + 1) + " starts at point " + starts[i] + " of " + pointCount);
            }
            parts.add(Arrays.copyOfRange(points, starts[i], starts[i + 1]));
        }
        return parts;
    }

    private static Coordinate[] coordinates(ByteBuffer content, int count) {
        if (count < 0 || (long) count * 16 > content.remaining()) {
            throw new IllegalArgumentException("the shape claims " + count + " points, more than its record holds");
        }
        Coordinate[] points = new Coordinate[count];
        for (int i = 0; i < count; i++) {
            points[i] = new Coordinate(content.getDouble(), content.getDouble());
        }
        return points;
    }

    private ByteBuffer read(int bytes, String what) throws IOException {
        byte[] data = in.readNBytes(bytes);
        position += data.length;
        if (data.length < bytes) {
            throw new UnreadableShapefileException("the .shp file ends inside " + what + " (after " + position
                    + " bytes" + (declaredBytes > 0 ? " of the " + declaredBytes + " its header gives" : "") + "): the file is truncated");
        }
        return ByteBuffer.wrap(data);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The record's shape cannot be read; the records after it can. */
    static final class UnreadableShapeException extends Exception {
        final int number;

        UnreadableShapeException(int number, String message) {
            super(message);
            this.number = number;
        }
    }
}
