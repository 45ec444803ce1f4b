package org.chizu.tiles.seed;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.chizu.tiles.Tile;

/**
 * PMTiles v3 directories: the root directory, and leaf directories when the entries do not fit in
 * the root. Each directory is gzip-compressed after its entries are written column by column as
 * varints: tile IDs as deltas, run lengths, lengths, then offsets, where 0 means "right after
 * the previous entry's data".
 *
 * @param root   the compressed root directory, at most {@link #MAX_ROOT_BYTES} long
 * @param leaves the compressed leaf directories back to back; empty when the root holds every entry
 */
record PmtilesDirectory(byte[] root, byte[] leaves) {

    /** The header and the root directory must fit in the first 16 KiB a reader fetches. */
    static final int MAX_ROOT_BYTES = 16_384 - PmtilesHeader.LENGTH;

    /**
     * Where the data of a run of tiles lies in the tile data section. A run covers
     * {@code runLength} consecutive tile IDs with the same content; a run length of 0 marks an
     * entry pointing to a leaf directory instead, with offset and length in the leaf section.
     */
    record Entry(long tileId, long offset, int length, long runLength) {
    }

    /** Lays out entries sorted by tile ID, putting them into leaves of growing size until the root fits. */
    static PmtilesDirectory of(List<Entry> entries) {
        byte[] root = serialize(entries);
        if (root.length <= MAX_ROOT_BYTES) {
            return new PmtilesDirectory(root, new byte[0]);
        }
        for (int leafSize = Math.max(4096, entries.size() / 3500); ; leafSize += leafSize / 5) {
            PmtilesDirectory split = split(entries, leafSize);
            if (split.root.length <= MAX_ROOT_BYTES) {
                return split;
            }
        }
    }

    private static PmtilesDirectory split(List<Entry> entries, int leafSize) {
        List<Entry> rootEntries = new ArrayList<>();
        ByteArrayOutputStream leaves = new ByteArrayOutputStream();
        for (int from = 0; from < entries.size(); from += leafSize) {
            List<Entry> chunk = entries.subList(from, Math.min(from + leafSize, entries.size()));
            byte[] leaf = serialize(chunk);
            rootEntries.add(new Entry(chunk.getFirst().tileId(), leaves.size(), leaf.length, 0));
            leaves.writeBytes(leaf);
        }
        return new PmtilesDirectory(serialize(rootEntries), leaves.toByteArray());
    }

    private static byte[] serialize(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, entries.size());
        long lastId = 0;
        for (Entry entry : entries) {
            writeVarint(out, entry.tileId() - lastId);
            lastId = entry.tileId();
        }
        for (Entry entry : entries) {
            writeVarint(out, entry.runLength());
        }
        for (Entry entry : entries) {
            writeVarint(out, entry.length());
        }
        Entry previous = null;
        for (Entry entry : entries) {
            boolean follows = previous != null && entry.offset() == previous.offset() + previous.length();
            writeVarint(out, follows ? 0 : entry.offset() + 1);
            previous = entry;
        }
        return Tile.gzip(out.toByteArray());
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
