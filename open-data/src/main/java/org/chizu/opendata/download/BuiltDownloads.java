package org.chizu.opendata.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.chizu.gis.layer.LayersChanged;
import org.chizu.opendata.BuiltFile;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.query.FeatureQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Download files built ahead, kept on disk under {@code ${chizu.home}/downloads/{layer}/} and named
 * by the hash of (format, query including its version). A query names one immutable version of
 * the data, so a built file never goes stale; it is rebuilt only if deleted. Files are built under
 * a temporary name and moved into place, so a reader never sees half a file. Beside each file built
 * for a version lies its SHA-256 in {@code sha256sum}'s format ({@code <file>.sha256}), written
 * before the file is moved into place, so that a catalog can state it without reading the file.
 */
@Component
public class BuiltDownloads {

    private static final Logger log = LoggerFactory.getLogger(BuiltDownloads.class);

    private final Path root;
    private final DownloadWriter writer;
    private final Map<Path, ReentrantLock> building = new ConcurrentHashMap<>();
    private final AtomicLong filesBuilt = new AtomicLong();

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
     * @param progress told of each feature written while the file is built; not told when it was built already
     */
    Path file(DownloadFormat format, FeatureQuery query, DownloadProgress progress) throws IOException {
        Path file = path(format, query);
        if (query.asOf() == null) {
            build(format, query, file, progress);
            return file;
        }
        if (Files.exists(file)) {
            return file;
        }
        // One build of a file at a time: builds differ in their timestamps, and the kept checksum must be the file's.
        ReentrantLock lock = building.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try {
            if (!Files.exists(file)) {
                build(format, query, file, progress);
            }
        } finally {
            lock.unlock();
            building.remove(file, lock);
        }
        return file;
    }

    private void build(DownloadFormat format, FeatureQuery query, Path file, DownloadProgress progress) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), "building-", "." + format.extension());
        try {
            writer.build(format, query, partial, progress);
            if (query.asOf() != null) {
                writeChecksum(partial, file);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            filesBuilt.incrementAndGet();
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Deletes the built files of a layer declared anew, differently or no more: a file is named by
     * its query and version, not by the declaration it was built from, so it would outlive it.
     */
    @EventListener
    void on(LayersChanged change) {
        change.staleIds().map(root::resolve).filter(Files::isDirectory).forEach(folder -> {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                log.warn("cannot delete the built downloads in {}: {}", folder, e.toString());
            }
        });
    }

    /** How many files have been built since start-up. */
    long filesBuilt() {
        return filesBuilt.get();
    }

    /**
     * The size and SHA-256 of the file built for the query, without building it: a catalog asks
     * this on every request and must not build files nobody downloaded. The checksum is read from
     * the file's {@code .sha256} beside it (computed once, when it was built; for a file built
     * before checksums were kept, computed now and kept).
     *
     * @return empty when the file is not built yet (no one has downloaded it); when the query names
     *         no version (such a file is rebuilt on every download, so no size holds for the next);
     *         and when the download folder cannot be read (logged): a catalog then says less, but answers
     */
    public Optional<BuiltFile> facts(DownloadFormat format, FeatureQuery query) {
        if (query.asOf() == null) {
            return Optional.empty();
        }
        Path file = path(format, query);
        try {
            Path checksum = checksumOf(file);
            String sha256 = Files.exists(checksum) ? Files.readString(checksum, StandardCharsets.US_ASCII).split("\\s+", 2)[0]
                    : writeChecksum(file, file);
            return Optional.of(new BuiltFile(Files.size(file), sha256));
        } catch (NoSuchFileException notBuilt) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("cannot read the built download {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private Path path(DownloadFormat format, FeatureQuery query) {
        return root.resolve(query.layer().id()).resolve(key(format, query) + "." + format.extension());
    }

    private static Path checksumOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    /** Hashes {@code content} and keeps the hash beside {@code file} (moved into place whole), naming it as sha256sum does. */
    private static String writeChecksum(Path content, Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(content), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        Path partial = Files.createTempFile(file.getParent(), "building-", ".sha256");
        try {
            Files.writeString(partial, hex + "  " + file.getFileName() + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, checksumOf(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return hex;
    }

    static String key(DownloadFormat format, FeatureQuery query) {
        byte[] digest = sha256().digest((format.extension() + "|" + query.canonical()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
