package org.chizu.forestry.products;

import java.nio.file.Path;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

/** Decodes a LAS or LAZ tile (laszip4j) and hands over what the surface models need of each point. */
final class TileReader {

    private static final int GROUND = 2;

    /** What is done with each point of a tile. */
    @FunctionalInterface
    interface PointSink {
        /**
         * @param ground whether the point is classed ground (ASPRS class 2)
         * @param first  whether it is the first return of its pulse
         */
        void point(double x, double y, float z, boolean ground, boolean first);
    }

    private TileReader() {
    }

    /** Reads every point of the file once, in the file's order, and says how many there were. */
    static long read(Path file, PointSink sink) {
        LASReader reader = new LASReader(file.toFile());
        LASHeader header = reader.getHeader();
        long count = 0;
        try (CloseablePointIterable points = reader.getCloseablePoints()) {
            for (LASPoint point : points) {
                sink.point(header.getXOffset() + point.getX() * header.getXScaleFactor(),
                        header.getYOffset() + point.getY() * header.getYScaleFactor(),
                        (float) (header.getZOffset() + point.getZ() * header.getZScaleFactor()),
                        point.getClassification() == GROUND, point.getReturnNumber() <= 1);
                count++;
            }
        }
        return count;
    }
}
