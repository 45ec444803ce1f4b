package org.chizu.forestry.laser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an uncompressed LAS 1.2 file of point format 1, its coordinate system as GeoTIFF keys. The
 * header's counts and extent are written last, once every point is known. laszip4j writes only
 * copies of files it reads (and its LAZ output is corrupt), so clips and synthetic surveys need
 * their own writer; LAZ is not written at all.
 */
public final class LasWriter implements AutoCloseable {

    private static final int HEADER_SIZE = 227, POINT_FORMAT = 1, POINT_SIZE = 28;
    private static final int GEO_KEY_RECORD_SIZE = 54 + 8 * 4;
    private static final double SCALE = 0.01;

    private final FileChannel channel;
    private final int srid;
    private final double offsetX, offsetY, offsetZ;
    private final ByteBuffer points = ByteBuffer.allocateDirect(POINT_SIZE * 4096).order(ByteOrder.LITTLE_ENDIAN);
    private final long[] byReturn = new long[5];
    private long count;
    private double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, minZ = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY, maxZ = Double.NEGATIVE_INFINITY;

    /**
     * @param srid    the EPSG code of the points' coordinate system (a projected one)
     * @param offsetX the origin the points are stored relative to (in centimetres from it), near the points
     */
    public LasWriter(Path file, int srid, double offsetX, double offsetY, double offsetZ) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.srid = srid;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.offsetZ = offsetZ;
        channel.position(HEADER_SIZE + GEO_KEY_RECORD_SIZE);
    }

    public void write(LasPoint point) throws IOException {
        if (!points.hasRemaining()) {
            flush();
        }
        points.putInt(scaled(point.x(), offsetX));
        points.putInt(scaled(point.y(), offsetY));
        points.putInt(scaled(point.z(), offsetZ));
        points.putShort((short) point.intensity());
        points.put((byte) ((point.returnNumber() & 7) | (point.numberOfReturns() & 7) << 3));
        points.put((byte) point.classification());
        points.put((byte) 0); // scan angle rank
        points.put((byte) 0); // user data
        points.putShort((short) 0); // point source id
        points.putDouble(point.gpsTime());
        count++;
        if (point.returnNumber() >= 1 && point.returnNumber() <= 5) {
            byReturn[point.returnNumber() - 1]++;
        }
        minX = Math.min(minX, point.x());
        minY = Math.min(minY, point.y());
        minZ = Math.min(minZ, point.z());
        maxX = Math.max(maxX, point.x());
        maxY = Math.max(maxY, point.y());
        maxZ = Math.max(maxZ, point.z());
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            flush();
            channel.write(header(), 0);
        }
    }

    private static int scaled(double value, double offset) {
        long stored = Math.round((value - offset) / SCALE);
        if (stored < Integer.MIN_VALUE || stored > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(value + " is too far from the offset " + offset + " to be stored in centimetres");
        }
        return (int) stored;
    }

    private void flush() throws IOException {
        points.flip();
        while (points.hasRemaining()) {
            channel.write(points);
        }
        points.clear();
    }

    private ByteBuffer header() {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE + GEO_KEY_RECORD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.put("LASF".getBytes(StandardCharsets.US_ASCII));
        header.putShort((short) 0); // file source id
        header.putShort((short) 0); // global encoding: GPS week time
        header.put(new byte[16]); // project GUID
        header.put((byte) 1).put((byte) 2);
        header.put(padded("Chizu", 32)); // system identifier
        header.put(padded("Chizu forestry", 32)); // generating software
        header.putShort((short) 1).putShort((short) 2026); // creation day and year
        header.putShort((short) HEADER_SIZE);
        header.putInt(HEADER_SIZE + GEO_KEY_RECORD_SIZE); // offset to point data
        header.putInt(1); // variable-length records
        header.put((byte) POINT_FORMAT);
        header.putShort((short) POINT_SIZE);
        header.putInt((int) Math.min(count, 0xFFFF_FFFFL));
        for (long returns : byReturn) {
            header.putInt((int) returns);
        }
        header.putDouble(SCALE).putDouble(SCALE).putDouble(SCALE);
        header.putDouble(offsetX).putDouble(offsetY).putDouble(offsetZ);
        header.putDouble(count == 0 ? 0 : maxX).putDouble(count == 0 ? 0 : minX);
        header.putDouble(count == 0 ? 0 : maxY).putDouble(count == 0 ? 0 : minY);
        header.putDouble(count == 0 ? 0 : maxZ).putDouble(count == 0 ? 0 : minZ);
        // the GeoTIFF key directory: a projected model whose system is an EPSG code
        header.putShort((short) 0); // reserved
        header.put(padded("LASF_Projection", 16));
        header.putShort((short) 34735);
        header.putShort((short) (8 * 4));
        header.put(padded("GeoTIFF GeoKeyDirectoryTag", 32));
        header.putShort((short) 1).putShort((short) 1).putShort((short) 0).putShort((short) 3);
        header.putShort((short) 1024).putShort((short) 0).putShort((short) 1).putShort((short) 1); // GTModelType: projected
        header.putShort((short) 1025).putShort((short) 0).putShort((short) 1).putShort((short) 1); // GTRasterType: pixel is area
        header.putShort((short) 3072).putShort((short) 0).putShort((short) 1).putShort((short) srid); // ProjectedCSType
        return header.flip();
    }

    private static byte[] padded(String text, int length) {
        byte[] bytes = new byte[length];
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, Math.min(ascii.length, length));
        return bytes;
    }
}
