package org.chizu.tiles.seed;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The archive formats the seed command writes, told apart by the output file's extension. */
enum ArchiveFormat {

    MBTILES(".mbtiles", "application/vnd.sqlite3") {
        @Override
        TileArchive create(Path file, ArchiveMetadata metadata, ObjectMapper json) throws Exception {
            return new MbtilesArchive(file, metadata, json);
        }
    },
    PMTILES(".pmtiles", "application/vnd.pmtiles") {
        @Override
        TileArchive create(Path file, ArchiveMetadata metadata, ObjectMapper json) throws Exception {
            return new PmtilesArchive(file, metadata, json);
        }
    };

    private final String extension;
    private final String mediaType;

    ArchiveFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    /** Starts an archive at {@code file}, which the caller moves into place once finished. */
    abstract TileArchive create(Path file, ArchiveMetadata metadata, ObjectMapper json) throws Exception;

    /** The format named "pmtiles" or "mbtiles". */
    static ArchiveFormat named(String name) {
        return Arrays.stream(values()).filter(f -> f.extension.equals("." + name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("format must be pmtiles or mbtiles, not " + name));
    }

    static ArchiveFormat of(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> name.endsWith(f.extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--out " + out + " must end in .mbtiles or .pmtiles"));
    }
}
