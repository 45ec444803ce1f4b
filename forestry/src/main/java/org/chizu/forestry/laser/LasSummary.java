package org.chizu.forestry.laser;

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
    private static final int REPORT_EVERY = 1 << 16;

    static LasSummary read(Path file) {
        return read(file, read -> {
        });
    }

    /** Reads the file, telling {@code pointsRead} how many points it has read every so often. */
    static LasSummary read(Path file, LongConsumer pointsRead) {
        LASReader reader = new LASReader(file.toFile());
        LASHeader header = reader.getHeader();
        double scaleX = header.getXScaleFactor(), scaleY = header.getYScaleFactor(), scaleZ = header.getZScaleFactor();
        double offsetX = header.getXOffset(), offsetY = header.getYOffset(), offsetZ = header.getZOffset();
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, minZ = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE, maxZ = Integer.MIN_VALUE;
        long[] perClass = new long[256];
        long count = 0, first = 0, last = 0;
        try (CloseablePointIterable points = reader.getCloseablePoints()) {
            for (LASPoint point : points) {
                if (++count % REPORT_EVERY == 0) {
                    pointsRead.accept(count);
                }
                minX = Math.min(minX, point.getX());
                maxX = Math.max(maxX, point.getX());
                minY = Math.min(minY, point.getY());
                maxY = Math.max(maxY, point.getY());
                minZ = Math.min(minZ, point.getZ());
                maxZ = Math.max(maxZ, point.getZ());
                perClass[point.getClassification() & 0xff]++;
                if (point.getReturnNumber() <= 1) {
                    first++;
                }
                if (point.getReturnNumber() >= point.getNumberOfReturns()) {
                    last++;
                }
            }
        }
        if (count == 0) {
            return new LasSummary(version(header), header.getPointDataRecordFormat(), 0, header.getMinX(),
                    header.getMinY(), header.getMinZ(), header.getMaxX(), header.getMaxY(), header.getMaxZ(), Map.of(), 0, 0);
        }
        Map<Integer, Long> classes = new TreeMap<>();
        for (int code = 0; code < perClass.length; code++) {
            if (perClass[code] > 0) {
                classes.put(code, perClass[code]);
            }
        }
        return new LasSummary(version(header), header.getPointDataRecordFormat(), count,
                offsetX + minX * scaleX, offsetY + minY * scaleY, offsetZ + minZ * scaleZ,
                offsetX + maxX * scaleX, offsetY + maxY * scaleY, offsetZ + maxZ * scaleZ, classes, first, last);
    }

    private static String version(LASHeader header) {
        return header.getVersionMajor() + "." + header.getVersionMinor();
    }
}
