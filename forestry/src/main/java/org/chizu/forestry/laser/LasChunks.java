package org.chizu.forestry.laser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

import com.github.mreutegg.laszip4j.LASHeader;

/**
 * An uncompressed LAS file read front to back in large chunks of its own bytes, cut so that no point
 * record straddles two: the header, the point records (whole ones, many to a chunk) and what follows
 * them. Reading the records' bytes directly is several times faster than decoding each point into an
 * object, and lets a file be copied, hashed and summed in the same read.
 */
public final class LasChunks implements AutoCloseable {

    /** About this much of the file is read at a time. */
    private static final int CHUNK_BYTES = 1 << 20;
    /** The smallest record of LAS point formats 0–5; larger records may carry extra bytes after it. */
    private static final int[] CORE_RECORD_LENGTH = {20, 28, 26, 34, 57, 63};

    /**
     * Where the point records lie in a file.
     *
     * @param pointCount how many records laszip4j reads: the legacy count, else the 64-bit one of LAS 1.4
     */
    public record Layout(long pointsStart, int recordLength, int pointFormat, long pointCount) {

        /** For a file read as bytes only, its records not told apart (a LAZ, say). */
        public static final Layout BYTES_ONLY = new Layout(0, 1, -1, 0);

        /**
         * The layout of a file whose records can be read directly: an uncompressed LAS with point format
         * 0–5 (X, Y, Z as little-endian ints at 0, 4 and 8, the returns byte at 14 and the class at 15);
         * empty for LAZ and for the formats of LAS 1.4 (6–10), which laszip4j decodes.
         */
        public static Optional<Layout> of(Path file, LASHeader header) {
            int format = header.getPointDataRecordFormat();
            boolean compressed = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".laz");
            if (compressed || format < 0 || format >= CORE_RECORD_LENGTH.length
                    || header.getPointDataRecordLength() < CORE_RECORD_LENGTH[format]) {
                return Optional.empty();
            }
            long legacy = Integer.toUnsignedLong(header.getLegacyNumberOfPointRecords());
            return Optional.of(new Layout(Integer.toUnsignedLong(header.getOffsetToPointData()), header.getPointDataRecordLength(),
                    format, legacy != 0 ? legacy : header.getNumberOfPointRecords()));
        }
    }

    private final FileChannel channel;
    private final long pointsStart, pointsEnd;
    private final int recordLength;
    private final int chunkBytes;
    private final ByteBuffer chunk;
    private long position;

    /**
     * Memory to read chunks into, off the heap so that the file is read into it (and written from it)
     * without a copy; one serves many files in turn.
     */
    public static ByteBuffer buffer() {
        return ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Opens the file for reading from its first byte into the buffer, which nothing else uses meanwhile. */
    public LasChunks(Path file, Layout layout, ByteBuffer buffer) throws IOException {
        this.recordLength = layout.recordLength();
        if (buffer.capacity() < recordLength) {
            throw new IllegalArgumentException("a buffer of " + buffer.capacity() + " bytes holds no record of " + recordLength);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        // a truncated file holds fewer records than its header says: only whole ones are read
        long size = channel.size();
        this.pointsStart = Math.min(layout.pointsStart(), size);
        long whole = (size - pointsStart) / recordLength;
        this.pointsEnd = pointsStart + Math.min(layout.pointCount(), whole) * recordLength;
        this.chunkBytes = buffer.capacity() / recordLength * recordLength;
        this.chunk = buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads the next chunk into {@link #bytes()}, from index 0 to its limit.
     *
     * @return false at the end of the file
     */
    public boolean next() throws IOException {
        long end = position + chunkBytes;
        if (position < pointsStart || position < pointsEnd) {
            end = Math.min(end, position < pointsStart ? pointsStart : pointsEnd);
        }
        chunk.clear().limit((int) (end - position));
        // a file channel may read less than asked: read on until the chunk is full or the file ends
        while (chunk.hasRemaining()) {
            if (channel.read(chunk, position + chunk.position()) < 0) {
                break;
            }
        }
        chunk.flip();
        position += chunk.limit();
        return chunk.hasRemaining();
    }

    /** The chunk last read (little-endian), from index 0 to its limit. */
    public ByteBuffer bytes() {
        return chunk;
    }

    /** How many point records the chunk holds, from index 0: none in the header or after the records. */
    public int records() {
        long start = position - chunk.limit();
        return start >= pointsStart && start < pointsEnd ? chunk.limit() / recordLength : 0;
    }

    public int recordLength() {
        return recordLength;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
