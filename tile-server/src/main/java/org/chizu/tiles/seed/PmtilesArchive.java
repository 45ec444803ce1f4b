package org.chizu.tiles.seed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.tiles.Tile;
import org.chizu.tiles.TileCoordinate;
import org.chizu.tiles.seed.PmtilesDirectory.Entry;
import org.chizu.tiles.seed.PmtilesHeader.Section;

/**
 * A PMTiles v3 archive being written: one file a static host or CDN serves with HTTP range
 * requests. Tiles come in any order, so their gzip-compressed MVT bytes wait in a spool file
 * beside the archive; {@link #finish()} then writes header, root directory, metadata, leaf
 * directories and the tile data in tile ID order (a clustered archive). Tiles with identical
 * content are stored once, and runs of them share one directory entry.
 */
final class PmtilesArchive implements TileArchive {

    /** Where a tile's bytes lie in the spool file. */
    private record Spooled(long offset, int length) {
    }

    private record Placement(long tileId, Spooled content) {
    }

    private final Path file;
    private final Path spoolFile;
    private final FileChannel spool;
    private final ArchiveMetadata metadata;
    private final byte[] metadataJson;
    /** Content by the tile's entity tag, a digest of its MVT bytes. */
    private final Map<String, Spooled> contents = new HashMap<>();
    private final List<Placement> placements = new ArrayList<>();

    PmtilesArchive(Path file, ArchiveMetadata metadata, ObjectMapper json) throws IOException {
        this.file = file;
        this.metadata = metadata;
        Map<String, Object> tileJson = new LinkedHashMap<>();
        tileJson.put("name", metadata.name());
        tileJson.put("description", metadata.description());
        tileJson.put("type", "overlay");
        tileJson.put("vector_layers", metadata.vectorLayers());
        metadataJson = json.writeValueAsBytes(tileJson);
        spoolFile = file.resolveSibling(file.getFileName() + ".tiles");
        spool = FileChannel.open(spoolFile, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public void tile(TileCoordinate coordinate, Tile tile) throws IOException {
        Spooled content = contents.get(tile.etag());
        if (content == null) {
            byte[] bytes = tile.gzipped();
            content = new Spooled(spool.size(), bytes.length);
            writeFully(spool, bytes, content.offset());
            contents.put(tile.etag(), content);
        }
        placements.add(new Placement(HilbertTileId.of(coordinate), content));
    }

    @Override
    public void finish() throws IOException {
        placements.sort(Comparator.comparingLong(Placement::tileId));
        List<Spooled> dataOrder = new ArrayList<>();
        Map<Spooled, Long> dataOffsets = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        long dataLength = 0;
        for (Placement placement : placements) {
            Long offset = dataOffsets.get(placement.content());
            if (offset == null) {
                offset = dataLength;
                dataOffsets.put(placement.content(), offset);
                dataOrder.add(placement.content());
                dataLength += placement.content().length();
            }
            Entry last = entries.isEmpty() ? null : entries.getLast();
            if (last != null && last.offset() == offset && last.tileId() + last.runLength() == placement.tileId()) {
                entries.set(entries.size() - 1, new Entry(last.tileId(), offset, last.length(), last.runLength() + 1));
            } else {
                entries.add(new Entry(placement.tileId(), offset, placement.content().length(), 1));
            }
        }
        PmtilesDirectory directory = PmtilesDirectory.of(entries);
        byte[] compressedMetadata = Tile.gzip(metadataJson);

        Section root = new Section(PmtilesHeader.LENGTH, directory.root().length);
        Section meta = new Section(root.end(), compressedMetadata.length);
        Section leaves = new Section(meta.end(), directory.leaves().length);
        Section tileData = new Section(leaves.end(), dataLength);
        PmtilesHeader header = new PmtilesHeader(root, meta, leaves, tileData,
                placements.size(), entries.size(), dataOrder.size(), metadata);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            writeFully(out, header.bytes(), 0);
            writeFully(out, directory.root(), root.offset());
            writeFully(out, compressedMetadata, meta.offset());
            writeFully(out, directory.leaves(), leaves.offset());
            long position = tileData.offset();
            for (Spooled content : dataOrder) {
                copyFully(content, out, position);
                position += content.length();
            }
        }
    }

    private void copyFully(Spooled content, FileChannel out, long position) throws IOException {
        long copied = 0;
        while (copied < content.length()) {
            copied += spool.transferTo(content.offset() + copied, content.length() - copied, out.position(position + copied));
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            spool.close();
        } finally {
            Files.deleteIfExists(spoolFile);
        }
    }
}
