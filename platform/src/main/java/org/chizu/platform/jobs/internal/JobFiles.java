package org.chizu.platform.jobs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.chizu.platform.jobs.Job.JobResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job results in the data folder: {@code ${chizu.home}/jobs/{job}/attempt-{n}/{file}}. Each attempt
 * writes into its own folder, so a run taken over from a dead process never writes into the file of
 * another; the folder of the attempt that finished is recorded with the job.
 */
@Component
class JobFiles {

    private final Path root;

    JobFiles(@Value("${chizu.jobs.directory:${chizu.home:.chizu}/jobs}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A fresh place for one attempt's result, its folder created and emptied of what an earlier run of it left. */
    Path attemptFile(long jobId, int attempt, String fileName) {
        Path name = Path.of(fileName).getFileName();
        if (name == null || !name.toString().equals(fileName) || fileName.startsWith(".")) {
            throw new IllegalArgumentException("a job's result file needs a plain file name, not '" + fileName + "'");
        }
        Path folder = root.resolve(Long.toString(jobId)).resolve("attempt-" + attempt);
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.deleteIfExists(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the result of job " + jobId + " in " + folder, e);
        }
    }

    /** Measures a finished result file and says where it lies, relative to the jobs folder. */
    StoredResult stored(Path file, String mediaType) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new StoredResult(root.relativize(file).toString(),
                new JobResult(file.getFileName().toString(), mediaType, Files.size(file), HexFormat.of().formatHex(sha256.digest())));
    }

    Path resolve(String stored) {
        Path file = root.resolve(stored).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalStateException("a job's result path leads out of " + root + ": " + stored);
        }
        return file;
    }

    /** Deletes every file of a job. */
    void deleteAll(long jobId) {
        deleteTree(root.resolve(Long.toString(jobId)));
    }

    /** Deletes what other attempts of a job left, keeping the folder of the attempt that finished it. */
    void deleteOtherAttempts(long jobId, int keptAttempt) {
        Path folder = root.resolve(Long.toString(jobId));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> attempts = Files.list(folder)) {
            attempts.filter(attempt -> !attempt.getFileName().toString().equals("attempt-" + keptAttempt))
                    .forEach(JobFiles::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
