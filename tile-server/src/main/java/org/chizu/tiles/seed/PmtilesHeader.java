package org.chizu.tiles.seed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The fixed 127-byte PMTiles v3 header, little-endian, for a clustered archive of gzip-compressed
 * MVT tiles with gzip-compressed directories and metadata. Offsets are from the start of the file;
 * coordinates are stored as degrees times ten million.
 */
record PmtilesHeader(Section rootDirectory, Section metadata, Section leafDirectories, Section tileData,
                     long addressedTiles, long tileEntries, long tileContents, ArchiveMetadata seeded) {

    static final int LENGTH = 127;

    private static final byte GZIP = 2;
    private static final byte MVT = 1;

    /** A stretch of the file. */
    record Section(long offset, long length) {

        long end() {
            return offset + length;
        }
    }

    byte[] bytes() {
        ByteBuffer header = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.put("PMTiles".getBytes(StandardCharsets.US_ASCII)).put((byte) 3);
        for (Section section : new Section[] {rootDirectory, metadata, leafDirectories, tileData}) {
            header.putLong(section.offset()).putLong(section.length());
        }
        header.putLong(addressedTiles).putLong(tileEntries).putLong(tileContents);
        header.put((byte) 1) // clustered: tile data lies in tile ID order
                .put(GZIP).put(GZIP).put(MVT)
                .put((byte) seeded.minZoom()).put((byte) seeded.maxZoom())
                .putInt(e7(seeded.bounds().minLon())).putInt(e7(seeded.bounds().minLat()))
                .putInt(e7(seeded.bounds().maxLon())).putInt(e7(seeded.bounds().maxLat()))
                .put((byte) seeded.minZoom())
                .putInt(e7(seeded.centerLon())).putInt(e7(seeded.centerLat()));
        return header.array();
    }

    private static int e7(double degrees) {
        return (int) Math.round(degrees * 10_000_000);
    }
}
