package org.chizu.forestry.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;

import org.chizu.forestry.laser.DeclaredSrid;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.laser.LaserArchive.CheckedFile;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.Jobs;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Staff uploads of laser tiles: the file is written to the archive's upload folder as it arrives
 * (never held in memory), its header checked as the ingest would (a LAS or LAZ file, a coordinate
 * system of its own or one given), and an ingest job ({@link IngestJobHandler}) queued to archive it.
 * A refused upload leaves nothing behind, and neither does one whose ingest job fails for good or is
 * cancelled ({@link AbandonedUploads}).
 */
@Service
@EnableConfigurationProperties(UploadProperties.class)
public class SurveyUploads {

    /** The bytes of a LAS header up to the point data format, whose top bit marks LAZ. */
    private static final int POINT_FORMAT_OFFSET = 104;

    private final LaserArchive archive;
    private final Jobs jobs;
    private final long maxBytes;

    SurveyUploads(LaserArchive archive, Jobs jobs, UploadProperties properties) {
        this.archive = archive;
        this.jobs = jobs;
        this.maxBytes = properties.maxSize().toBytes();
    }

    /** What staff upload: the file's name as they know it, the survey and its surveying body, and a zone or EPSG code for a file without one. */
    public record Upload(String fileName, String survey, String surveyingBody, Optional<String> zone, Optional<String> epsg) {
    }

    /** A queued ingest job and what the upload's header said. */
    public record Queued(Job job, long survey, String fileName, long bytes, int srid, String crsSource, long pointsInHeader) {
    }

    /**
     * Takes the uploaded body and queues its ingest.
     *
     * @param declaredLength the body's Content-Length, -1 when it was not declared
     * @throws UploadProblem 400 for a missing survey or body or an unknown zone, 409 for a survey of
     *                       another surveying body or whose tiles are in another coordinate system (its
     *                       products are one mosaic), 413 above the size limit (from the declared length,
     *                       before a byte is read)
     * @throws org.chizu.forestry.laser.LaserProblem 422 when it is no LAS/LAZ file or its coordinate system is unknown
     */
    public Queued receive(String owner, Upload upload, InputStream body, long declaredLength) throws IOException {
        String surveyName = required("survey", upload.survey());
        String surveyingBody = required("body", upload.surveyingBody());
        OptionalInt declared;
        try {
            declared = DeclaredSrid.of(upload.zone().filter(zone -> !zone.isBlank()), upload.epsg().filter(code -> !code.isBlank()));
        } catch (IllegalArgumentException unknown) {
            throw UploadProblem.badCrs(unknown.getMessage());
        }
        if (declaredLength > maxBytes) {
            throw UploadProblem.tooLarge(declaredLength, maxBytes);
        }
        Path folder = Files.createDirectories(archive.uploadDirectory()).resolve(UUID.randomUUID().toString());
        Files.createDirectory(folder);
        boolean queued = false;
        try {
            Path received = folder.resolve("received");
            long bytes = copy(body, received);
            Path file = Files.move(received, folder.resolve(fileName(upload.fileName(), received)));
            CheckedFile checked = archive.check(file, declared);
            long survey;
            try {
                survey = archive.survey(surveyName, surveyingBody);
            } catch (IllegalArgumentException otherBody) {
                throw UploadProblem.otherBody(otherBody.getMessage());
            }
            archive.tiles(survey).stream().filter(tile -> tile.srid() != checked.srid()).findFirst().ifPresent(other -> {
                throw UploadProblem.otherCrs(surveyName, other.srid(), checked.srid());
            });
            Job job = jobs.submit(IngestJobHandler.KIND, owner, new IngestOrder(survey, surveyName, surveyingBody, file.toString(),
                    declared.isPresent() ? declared.getAsInt() : null, checked.pointsInHeader()));
            queued = true;
            return new Queued(job, survey, file.getFileName().toString(), bytes, checked.srid(), checked.crsSource(), checked.pointsInHeader());
        } finally {
            if (!queued) {
                delete(folder);
            }
        }
    }

    private static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw UploadProblem.missing(parameter);
        }
        return value.strip();
    }

    /** Writes the body to the file, refusing it as soon as it passes the limit. */
    private long copy(InputStream body, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = body.read(buffer)) >= 0; ) {
                bytes += read;
                if (bytes > maxBytes) {
                    throw UploadProblem.tooLarge(-1, maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
        return bytes;
    }

    /**
     * The name the file is archived under: the one given, stripped to a plain name, with the extension
     * its header calls for, since laszip4j tells LAZ from LAS by the name alone.
     */
    static String fileName(String given, Path received) throws IOException {
        String plain = given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        String base = plain.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceFirst("(?i)\\.(las|laz)$", "");
        if (base.isBlank() || base.startsWith(".")) {
            base = "upload" + base;
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(received)) {
            header = in.readNBytes(POINT_FORMAT_OFFSET + 1);
        }
        if (header.length <= POINT_FORMAT_OFFSET || !new String(header, 0, 4, StandardCharsets.US_ASCII).equals("LASF")) {
            return plain.isBlank() ? base : plain; // no point cloud: its name as given, for the refusal to name
        }
        return base + ((header[POINT_FORMAT_OFFSET] & 0x80) != 0 ? ".laz" : ".las");
    }

    /** Deletes an upload's folder: refused, archived by its job, or abandoned by it. */
    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the upload " + folder, e);
        }
    }
}
