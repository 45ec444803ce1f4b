package org.chizu.forestry.laser;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * What a LAS or LAZ file holds, from its header and from reading every point: the header's counts
 * are not trusted (writers leave the legacy fields zero in LAS 1.4, or stale after editing).
 *
 * @param classCounts points per ASPRS classification code (2 ground, 3–5 vegetation, 6 building …)
 */
record LasSummary(String version, int pointFormat, long pointCount, double minX, double minY, double minZ,
        double maxX, double maxY, double maxZ, Map<Integer, Long> classCounts, long firstReturns, long lastReturns) {

    /** Points read between two reports of progress. */
    static final int REPORT_EVERY = 1 << 16;

    static LasSummary read(Path file) {
        return read(file, read -> {
        });
    }

    /** Decodes every point with laszip4j, telling {@code pointsRead} how many it has read every so often. */
    static LasSummary read(Path file, LongConsumer pointsRead) {
        LASReader reader = new LASReader(file.toFile());
        Tally tally = new Tally();
        try (CloseablePointIterable points = reader.getCloseablePoints()) {
            for (LASPoint point : points) {
                tally.add(point.getX(), point.getY(), point.getZ(), point.getClassification() & 0xff, point.getReturnNumber(),
                        point.getNumberOfReturns());
                if (tally.count % REPORT_EVERY == 0) {
                    pointsRead.accept(tally.count);
                }
            }
        }
        return tally.summary(reader.getHeader());
    }

    /**
     * The summary's sums, point by point, from decoded points or straight from the records of an
     * uncompressed LAS ({@link LasChunks}); both give the same summary of the same file.
     */
    static final class Tally {

        private final StoredExtent extent = new StoredExtent();
        private final long[] perClass = new long[256];
        private long count, first, last;

        /** Adds one point, its coordinates as stored (before scale and offset), its class byte unsigned. */
        void add(int x, int y, int z, int classification, int returnNumber, int numberOfReturns) {
            count++;
            extent.include(x, y, z);
            perClass[classification]++;
            if (returnNumber <= 1) {
                first++;
            }
            if (returnNumber >= numberOfReturns) {
                last++;
            }
        }

        /** Adds the chunk's records (point formats 0–5), as laszip4j decodes them. */
        void add(LasChunks chunk) {
            ByteBuffer bytes = chunk.bytes();
            int records = chunk.records(), length = chunk.recordLength();
            for (int record = 0, at = 0; record < records; record++, at += length) {
                int returns = bytes.get(at + 14);
                add(bytes.getInt(at), bytes.getInt(at + 4), bytes.getInt(at + 8), bytes.get(at + 15) & 0xff, returns & 7,
                        returns >>> 3 & 7);
            }
        }

        long count() {
            return count;
        }

        /** The summary of the points added, scaled and offset as the header says. */
        LasSummary summary(LASHeader header) {
            if (count == 0) {
                return new LasSummary(version(header), header.getPointDataRecordFormat(), 0, header.getMinX(),
                        header.getMinY(), header.getMinZ(), header.getMaxX(), header.getMaxY(), header.getMaxZ(), Map.of(), 0, 0);
            }
            double scaleX = header.getXScaleFactor(), scaleY = header.getYScaleFactor(), scaleZ = header.getZScaleFactor();
            double offsetX = header.getXOffset(), offsetY = header.getYOffset(), offsetZ = header.getZOffset();
            Map<Integer, Long> classes = new TreeMap<>();
            for (int code = 0; code < perClass.length; code++) {
                if (perClass[code] > 0) {
                    classes.put(code, perClass[code]);
                }
            }
            return new LasSummary(version(header), header.getPointDataRecordFormat(), count,
                    offsetX + extent.minX * scaleX, offsetY + extent.minY * scaleY, offsetZ + extent.minZ * scaleZ,
                    offsetX + extent.maxX * scaleX, offsetY + extent.maxY * scaleY, offsetZ + extent.maxZ * scaleZ, classes, first, last);
        }
    }

    private static String version(LASHeader header) {
        return header.getVersionMajor() + "." + header.getVersionMinor();
    }
}
