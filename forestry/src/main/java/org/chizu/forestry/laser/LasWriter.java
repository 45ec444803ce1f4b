package org.chizu.forestry.laser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;

/**
 * Writes an uncompressed LAS 1.2 file of point format 1, its coordinate system as GeoTIFF keys. The
 * header's counts and extent are written last, once every point is known. laszip4j writes only
 * copies of files it reads (and its LAZ output is corrupt), so clips and synthetic surveys need
 * their own writer; LAZ is not written at all.
 */
public final class LasWriter implements AutoCloseable {

    /** The length of a point record of format 1, the only one written. */
    public static final int RECORD_LENGTH = 28;
    private static final int HEADER_SIZE = 227, POINT_FORMAT = 1;
    private static final int GEO_KEY_RECORD_SIZE = 54 + 8 * 4;
    private static final double SCALE = 0.01;

    private final FileChannel channel;
    private final int srid;
    private final double offsetX, offsetY, offsetZ;
    private final ByteBuffer points = ByteBuffer.allocateDirect(RECORD_LENGTH * 16_384).order(ByteOrder.LITTLE_ENDIAN);
    private final long[] byReturn = new long[5];
    private long count;
    private final StoredExtent extent = new StoredExtent();

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

    /**
     * What to add to the X, Y and Z another file stores to store them here, in centimetres.
     *
     * @param dx the difference of the offsets, in centimetres
     */
    public record Shift(int dx, int dy, int dz) {

        public int x(int stored) {
            return shifted(stored, dx);
        }

        public int y(int stored) {
            return shifted(stored, dy);
        }

        public int z(int stored) {
            return shifted(stored, dz);
        }

        private static int shifted(int stored, int by) {
            long shifted = (long) stored + by;
            if (shifted != (int) shifted) {
                throw new IllegalArgumentException(stored + " shifted by " + by + " cm is too far from the offset to be stored in centimetres");
            }
            return (int) shifted;
        }
    }

    /**
     * The shift from a file's stored coordinates to these: present when it stores centimetres too, from
     * offsets a whole number of centimetres from these (so that shifting is exact); else its points are
     * scaled anew ({@link #storedX} …).
     */
    public Optional<Shift> shiftFrom(LASHeader header) {
        if (header.getXScaleFactor() != SCALE || header.getYScaleFactor() != SCALE || header.getZScaleFactor() != SCALE) {
            return Optional.empty();
        }
        double dx = (header.getXOffset() - offsetX) / SCALE, dy = (header.getYOffset() - offsetY) / SCALE,
                dz = (header.getZOffset() - offsetZ) / SCALE;
        if (!wholeInt(dx) || !wholeInt(dy) || !wholeInt(dz)) {
            return Optional.empty();
        }
        return Optional.of(new Shift((int) Math.rint(dx), (int) Math.rint(dy), (int) Math.rint(dz)));
    }

    private static boolean wholeInt(double centimetres) {
        return Math.abs(centimetres - Math.rint(centimetres)) < 1e-6 && Math.abs(centimetres) <= Integer.MAX_VALUE;
    }

    /** An easting (x, metres) as stored here. */
    public int storedX(double x) {
        return scaled(x, offsetX);
    }

    public int storedY(double y) {
        return scaled(y, offsetY);
    }

    public int storedZ(double z) {
        return scaled(z, offsetZ);
    }

    public void write(LasPoint point) throws IOException {
        put(storedX(point.x()), storedY(point.y()), storedZ(point.z()), point.intensity(),
                point.returnNumber() & 7 | (point.numberOfReturns() & 7) << 3, point.classification(), 0, 0, 0, point.gpsTime());
    }

    /**
     * Writes a point laszip4j decoded from another file with every field it has in format 1 (return
     * numbers above 7 cut to three bits), at the coordinates given as stored here.
     */
    public void write(LASPoint point, int x, int y, int z) throws IOException {
        put(x, y, z, point.getIntensity(), point.getReturnNumber() & 7 | (point.getNumberOfReturns() & 7) << 3
                | (point.getScanDirectionFlag() & 1) << 6 | (point.getEdgeOfFlightLine() & 1) << 7,
                point.getClassification(), point.getScanAngleRank(), point.getUserData(), point.getPointSourceID(),
                point.hasGPSTime() ? point.getGPSTime() : 0);
    }

    /**
     * Writes a point record of format 1 from {@code records} (little-endian) at index {@code at} as it is,
     * but for its X, Y and Z shifted from the file it comes from.
     */
    public void write(ByteBuffer records, int at, Shift shift) throws IOException {
        if (points.remaining() < RECORD_LENGTH) {
            flush();
        }
        int x = shift.x(records.getInt(at)), y = shift.y(records.getInt(at + 4)), z = shift.z(records.getInt(at + 8));
        // intensity, returns (byte 14), class, scan angle, user data and point source; then the GPS time
        long fields = records.getLong(at + 12);
        tally(x, y, z, (int) (fields >>> 16) & 7);
        points.putInt(x).putInt(y).putInt(z).putLong(fields).putLong(records.getLong(at + 20));
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            flush();
            channel.write(header(), 0);
        }
    }

    private void put(int x, int y, int z, int intensity, int returns, int classification, int scanAngleRank, int userData,
            int pointSourceId, double gpsTime) throws IOException {
        if (points.remaining() < RECORD_LENGTH) {
            flush();
        }
        tally(x, y, z, returns & 7);
        points.putInt(x).putInt(y).putInt(z);
        points.putShort((short) intensity);
        points.put((byte) returns);
        points.put((byte) classification);
        points.put((byte) scanAngleRank);
        points.put((byte) userData);
        points.putShort((short) pointSourceId);
        points.putDouble(gpsTime);
    }

    private void tally(int x, int y, int z, int returnNumber) {
        count++;
        if (returnNumber >= 1 && returnNumber <= 5) {
            byReturn[returnNumber - 1]++;
        }
        extent.include(x, y, z);
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
        header.putShort((short) RECORD_LENGTH);
        header.putInt((int) Math.min(count, 0xFFFF_FFFFL));
        for (long returns : byReturn) {
            header.putInt((int) returns);
        }
        header.putDouble(SCALE).putDouble(SCALE).putDouble(SCALE);
        header.putDouble(offsetX).putDouble(offsetY).putDouble(offsetZ);
        header.putDouble(bound(extent.maxX, offsetX)).putDouble(bound(extent.minX, offsetX));
        header.putDouble(bound(extent.maxY, offsetY)).putDouble(bound(extent.minY, offsetY));
        header.putDouble(bound(extent.maxZ, offsetZ)).putDouble(bound(extent.minZ, offsetZ));
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

    /** A bound of the extent in metres, from its stored value; zero for a file without points. */
    private double bound(int stored, double offset) {
        return count == 0 ? 0 : offset + stored * SCALE;
    }

    private static byte[] padded(String text, int length) {
        byte[] bytes = new byte[length];
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, Math.min(ascii.length, length));
        return bytes;
    }
}
