package org.chizu.forestry.clip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.laser.LasPoint;
import org.chizu.forestry.laser.LasWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * Clips point clouds to an area, streaming: every tile is read point by point (laszip4j) and the
 * points inside the area, its boundary included, are written at once to one LAS file whose header is
 * completed at the end. Memory does not grow with the number of points.
 */
public final class PointCloudClip {

    /** How often progress is reported, in points read. */
    public static final long REPORT_EVERY = 1 << 20;

    private PointCloudClip() {
    }

    /** How many points were read from the tiles and how many of them written. */
    public record Clipped(long pointsRead, long pointsWritten) {
    }

    /**
     * @param tiles    archived LAS or LAZ tiles in the area's coordinate system; their extent from the index
     *                 (every point read), since file headers may be stale
     * @param area     a (multi)polygon in the tiles' projected system
     * @param srid     that system's EPSG code, written into the LAS
     * @param progress told the points read so far, every {@link #REPORT_EVERY} points and at the end of each
     *                 tile; it may throw to stop the clip
     */
    public static Clipped clip(List<ArchivedTile> tiles, Geometry area, int srid, Path out, LongConsumer progress) throws IOException {
        AreaCells cells = new AreaCells(area);
        Envelope bounds = area.getEnvelopeInternal();
        long read = 0, written = 0;
        LasWriter writer = null;
        try {
            for (ArchivedTile tile : tiles) {
                LASReader reader = new LASReader(tile.file().toFile());
                LASHeader header = reader.getHeader();
                double scaleX = header.getXScaleFactor(), scaleY = header.getYScaleFactor(), scaleZ = header.getZScaleFactor();
                double offsetX = header.getXOffset(), offsetY = header.getYOffset(), offsetZ = header.getZOffset();
                if (writer == null) {
                    // the first tile's offsets keep centimetre coordinates exactly as they were
                    writer = new LasWriter(out, srid, offsetX, offsetY, offsetZ);
                }
                Envelope tileBounds = new Envelope(tile.minX(), tile.maxX(), tile.minY(), tile.maxY());
                if (!cells.intersects(tileBounds)) {
                    continue;
                }
                boolean whole = cells.covers(tileBounds);
                try (CloseablePointIterable cloud = reader.getCloseablePoints()) {
                    for (LASPoint point : cloud) {
                        if (++read % REPORT_EVERY == 0) {
                            progress.accept(read);
                        }
                        double x = offsetX + point.getX() * scaleX, y = offsetY + point.getY() * scaleY;
                        if (!whole && !cells.covers(x, y)) {
                            continue;
                        }
                        writer.write(new LasPoint(x, y, offsetZ + point.getZ() * scaleZ, point.getIntensity(),
                                point.getReturnNumber(), point.getNumberOfReturns(), point.getClassification() & 0xff,
                                point.hasGPSTime() ? point.getGPSTime() : 0));
                        written++;
                    }
                }
                progress.accept(read);
            }
            if (writer == null) {
                writer = new LasWriter(out, srid, bounds.getMinX(), bounds.getMinY(), 0);
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        return new Clipped(read, written);
    }
}
