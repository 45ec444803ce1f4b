package org.chizu.forestry.clip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.laser.LasChunks;
import org.chizu.forestry.laser.LasWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * Clips point clouds to an area, streaming: every tile is read point by point and the points inside
 * the area, its boundary included, are written at once to one LAS file whose header is completed at
 * the end. Memory does not grow with the number of points. Where a tile's records can be kept as they
 * are, they are copied byte for byte, only their X and Y read; otherwise laszip4j decodes them.
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
        return clip(tiles, area, srid, out, progress, Reading.RECORDS_WHERE_KEPT);
    }

    /** How the points of a tile are read. */
    enum Reading {
        /**
         * The records' bytes, copied as they are but for X, Y and Z shifted to the output's offsets, where
         * a tile is an uncompressed LAS of point format 1 in centimetres; else as {@link #DECODED}.
         */
        RECORDS_WHERE_KEPT,
        /** Every point decoded by laszip4j, whatever the file. */
        DECODED
    }

    static Clipped clip(List<ArchivedTile> tiles, Geometry area, int srid, Path out, LongConsumer progress, Reading reading)
            throws IOException {
        AreaCells cells = new AreaCells(area);
        Envelope bounds = area.getEnvelopeInternal();
        long read = 0, written = 0;
        ByteBuffer chunk = LasChunks.buffer();
        LasWriter writer = null;
        try {
            for (ArchivedTile tile : tiles) {
                LASHeader header = new LASReader(tile.file().toFile()).getHeader();
                if (writer == null) {
                    // the first tile's offsets keep centimetre coordinates exactly as they were
                    writer = new LasWriter(out, srid, header.getXOffset(), header.getYOffset(), header.getZOffset());
                }
                Envelope tileBounds = new Envelope(tile.minX(), tile.maxX(), tile.minY(), tile.maxY());
                if (!cells.intersects(tileBounds)) {
                    continue;
                }
                TileClip clip = new TileClip(header, cells.covers(tileBounds) ? null : cells, writer, read, progress);
                Optional<LasWriter.Shift> shift = writer.shiftFrom(header);
                Optional<LasChunks.Layout> records = LasChunks.Layout.of(tile.file(), header)
                        .filter(layout -> reading == Reading.RECORDS_WHERE_KEPT && shift.isPresent() && formatOne(layout));
                if (records.isPresent()) {
                    clip.copyRecords(tile.file(), records.get(), shift.get(), chunk);
                } else {
                    clip.decodePoints(tile.file(), shift);
                }
                read = clip.read;
                written += clip.written;
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

    /** Records the writer takes as they are: point format 1 without extra bytes. */
    private static boolean formatOne(LasChunks.Layout layout) {
        return layout.pointFormat() == 1 && layout.recordLength() == LasWriter.RECORD_LENGTH;
    }

    /** One tile's points through the area into the writer, counting what was read and written. */
    private static final class TileClip {

        private final double scaleX, scaleY, scaleZ, offsetX, offsetY, offsetZ;
        /** Null when the area covers the whole tile. */
        private final AreaCells cells;
        private final LasWriter writer;
        private final LongConsumer progress;
        private long read, written;

        TileClip(LASHeader header, AreaCells cells, LasWriter writer, long readBefore, LongConsumer progress) {
            this.scaleX = header.getXScaleFactor();
            this.scaleY = header.getYScaleFactor();
            this.scaleZ = header.getZScaleFactor();
            this.offsetX = header.getXOffset();
            this.offsetY = header.getYOffset();
            this.offsetZ = header.getZOffset();
            this.cells = cells;
            this.writer = writer;
            this.read = readBefore;
            this.progress = progress;
        }

        /** Copies the records inside the area byte for byte but for X, Y and Z shifted: no point is decoded beyond them. */
        void copyRecords(Path file, LasChunks.Layout layout, LasWriter.Shift shift, ByteBuffer chunk) throws IOException {
            try (LasChunks chunks = new LasChunks(file, layout, chunk)) {
                while (chunks.next()) {
                    ByteBuffer bytes = chunks.bytes();
                    int records = chunks.records();
                    for (int record = 0, at = 0; record < records; record++, at += LasWriter.RECORD_LENGTH) {
                        counted();
                        if (cells == null || cells.covers(offsetX + bytes.getInt(at) * scaleX, offsetY + bytes.getInt(at + 4) * scaleY)) {
                            writer.write(bytes, at, shift);
                            written++;
                        }
                    }
                }
            }
        }

        /** Decodes every point with laszip4j and writes those inside the area, shifted, else scaled anew. */
        void decodePoints(Path file, Optional<LasWriter.Shift> shift) throws IOException {
            LASReader reader = new LASReader(file.toFile());
            LasWriter.Shift exact = shift.orElse(null);
            try (CloseablePointIterable cloud = reader.getCloseablePoints()) {
                for (LASPoint point : cloud) {
                    counted();
                    double x = offsetX + point.getX() * scaleX, y = offsetY + point.getY() * scaleY;
                    if (cells != null && !cells.covers(x, y)) {
                        continue;
                    }
                    if (exact != null) {
                        writer.write(point, exact.x(point.getX()), exact.y(point.getY()), exact.z(point.getZ()));
                    } else {
                        writer.write(point, writer.storedX(x), writer.storedY(y), writer.storedZ(offsetZ + point.getZ() * scaleZ));
                    }
                    written++;
                }
            }
        }

        private void counted() {
            if (++read % REPORT_EVERY == 0) {
                progress.accept(read);
            }
        }
    }
}
