package org.chizu.opendata.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.chizu.opendata.query.FeatureQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Download files built ahead, kept on disk under {@code ${chizu.home}/downloads/{layer}/} and named
 * by the hash of (format, query including its version). A query names one immutable version of
 * the data, so a built file never goes stale; it is rebuilt only if deleted. Files are built under
 * a temporary name and moved into place, so a reader never sees half a file.
 */
@Component
public class BuiltDownloads {

    private final Path root;
    private final DownloadWriter writer;

    public BuiltDownloads(@Value("${chizu.open-data.downloads:${chizu.home:.chizu}/downloads}") Path root, DownloadWriter writer) {
        this.root = root;
        this.writer = writer;
    }

    /**
     * The built file for the query in the format, building it first if needed.
     *
     * @param query a query pinned to a version ({@link FeatureQuery#asOf()} set) is built once; one
     *              that is not (a layer that keeps no history) is rebuilt on every call, replacing
     *              the file while earlier readers finish with the one they opened
     */
    public Path file(DownloadFormat format, FeatureQuery query) throws IOException {
        Path folder = root.resolve(query.layer().id());
        Path file = folder.resolve(key(format, query) + "." + format.extension());
        if (query.asOf() != null && Files.exists(file)) {
            return file;
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "building-", "." + format.extension());
        try {
            writer.build(format, query, partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }

    static String key(DownloadFormat format, FeatureQuery query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((format.extension() + "|" + query.canonical()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
