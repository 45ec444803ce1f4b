package org.chizu.tiles.seed;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The archive formats the seed command writes, told apart by the output file's extension. */
enum ArchiveFormat {

    MBTILES(".mbtiles") {
        @Override
        TileArchive create(Path file, ArchiveMetadata metadata, ObjectMapper json) throws Exception {
            return new MbtilesArchive(file, metadata, json);
        }
    },
    PMTILES(".pmtiles") {
        @Override
        TileArchive create(Path file, ArchiveMetadata metadata, ObjectMapper json) throws Exception {
            return new PmtilesArchive(file, metadata, json);
        }
    };

    private final String extension;

    ArchiveFormat(String extension) {
        this.extension = extension;
    }

    /** Starts an archive at {@code file}, which the caller moves into place once finished. */
    abstract TileArchive create(Path file, ArchiveMetadata metadata, ObjectMapper json) throws Exception;

    static ArchiveFormat of(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> name.endsWith(f.extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--out " + out + " must end in .mbtiles or .pmtiles"));
    }
}
