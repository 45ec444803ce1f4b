package org.chizu.forestry.clip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a clip job wrote ({@value #FILE_NAME}, the job's result): each file with its product, size and
 * SHA-256, so a firm can check what it downloaded, and the survey and system they come from.
 *
 * @param crs         the files' coordinate system, {@code EPSG:6671} for example
 * @param pointsRead  every point of the overlapping tiles
 * @param pointsInArea the points written to the LAS file
 */
public record ClipManifest(long job, long application, long survey, String surveyName, String surveyingBody, String crs,
        long pointsRead, long pointsInArea, String madeAt, List<File> files) {

    public static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One file a clip job wrote, next to the manifest. */
    public record File(String name, String product, String mediaType, long bytes, String sha256) {

        /** Measures a written file. */
        public static File of(Path file, String product, String mediaType) throws IOException {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
            // read in large chunks: a clip's LAS runs to gigabytes, and SHA-256 is as fast as memory here
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                while (in.read(chunk.clear()) >= 0) {
                    sha256.update(chunk.array(), 0, chunk.position());
                }
            }
            return new File(file.getFileName().toString(), product, mediaType, Files.size(file), HexFormat.of().formatHex(sha256.digest()));
        }
    }

    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    static ClipManifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ClipManifest.class);
    }

    Optional<File> file(String name) {
        return files.stream().filter(file -> file.name().equals(name)).findFirst();
    }
}
