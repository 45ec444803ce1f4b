package org.chizu.forestry.laser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.chizu.forestry.laser.LasCrs.DeclaredCrs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * The archive of laser-survey tiles: ingests LAS/LAZ files into the archive directory and indexes
 * each in {@code laser_tile} by survey, extent, point counts and density. A file is known by its
 * SHA-256, so ingesting the same bytes again changes nothing.
 */
@Service
@EnableConfigurationProperties(LaserProperties.class)
public class LaserArchive {

    private static final Logger log = LoggerFactory.getLogger(LaserArchive.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final LaserProperties properties;

    public LaserArchive(JdbcTemplate jdbc, LaserProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * The survey of that name, made on first use. A survey belongs to one surveying body: naming
     * another body for an existing survey is refused, since re-use approvals are asked of that body.
     */
    public long survey(String name, String surveyingBody) {
        jdbc.update("insert into laser_survey (name, surveying_body) values (?, ?) on conflict (name) do nothing",
                name, surveyingBody);
        return jdbc.queryForObject("select id, surveying_body from laser_survey where name = ?", (row, n) -> {
            if (!row.getString("surveying_body").equals(surveyingBody)) {
                throw new IllegalArgumentException("survey " + name + " was made by " + row.getString("surveying_body")
                        + ", not " + surveyingBody);
            }
            return row.getLong("id");
        }, name);
    }

    /** The LAS and LAZ files of a directory (not its subdirectories), by name; a file is a list of one. */
    public static List<Path> pointClouds(Path fileOrDirectory) throws IOException {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> files = Files.list(fileOrDirectory)) {
            return files.filter(file -> {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(file) && (name.endsWith(".las") || name.endsWith(".laz"));
            }).sorted().toList();
        }
    }

    /** What a file's header says, checked before a byte of it is archived. */
    public record CheckedFile(int srid, String crsSource, long pointsInHeader) {
    }

    /**
     * Reads a file's header and finds its coordinate system, as {@link #ingest} does first.
     *
     * @param declaredSrid the EPSG code to use when the file declares none (a plane rectangular zone)
     * @throws LaserProblem when the file is not a point cloud or its coordinate system is unknown
     */
    public CheckedFile check(Path file, OptionalInt declaredSrid) {
        String name = file.getFileName().toString();
        LASHeader header = header(file, name);
        DeclaredCrs crs = crs(header, name, declaredSrid);
        return new CheckedFile(crs.srid(), crs.source(), header.getNumberOfPointRecords());
    }

    /**
     * Archives and indexes one file of a survey.
     *
     * @param declaredSrid the EPSG code to use when the file declares none (a plane rectangular zone)
     * @throws LaserProblem when the file is not a point cloud or its coordinate system is unknown
     */
    public IngestedTile ingest(long surveyId, Path file, OptionalInt declaredSrid) {
        return ingest(surveyId, file, declaredSrid, read -> {
        });
    }

    /** As {@link #ingest(long, Path, OptionalInt)}, telling {@code pointsRead} how far the reading of every point has got. */
    public IngestedTile ingest(long surveyId, Path file, OptionalInt declaredSrid, LongConsumer pointsRead) {
        long started = System.nanoTime();
        String name = file.getFileName().toString();
        boolean compressed = name.toLowerCase(Locale.ROOT).endsWith(".laz");
        LASHeader header = header(file, name);
        Staged staged = stage(file, header, pointsRead);
        try {
            Optional<IngestedTile> known = archived(staged.sha256());
            if (known.isPresent()) {
                return known.get();
            }
            DeclaredCrs crs = crs(header, name, declaredSrid);
            LasSummary summary = staged.summary().orElseGet(() -> LasSummary.read(file, pointsRead));
            Path archived = keep(staged, archivePath(staged.sha256(), compressed));
            record(surveyId, name, staged.sha256(), archived, compressed, crs, summary, creationDay(header));
            IngestedTile tile = archived(staged.sha256()).orElseThrow();
            log.info("Laser tile {} archived: {} points in EPSG:{} ({} from {})", name, summary.pointCount(), crs.srid(),
                    crs.source(), summary.version());
            return new IngestedTile(tile.id(), name, false, tile.pointCount(), tile.srid(), tile.pointsPerSquareMetre(),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            deleteQuietly(staged.partial());
        }
    }

    /** The file's own coordinate system, else the declared one; PostGIS must know it. */
    private DeclaredCrs crs(LASHeader header, String name, OptionalInt declaredSrid) {
        DeclaredCrs crs = LasCrs.of(header)
                .or(() -> declaredSrid.isPresent() ? Optional.of(new DeclaredCrs(declaredSrid.getAsInt(), "declared")) : Optional.empty())
                .orElseThrow(() -> LaserProblem.noCrs(name));
        if (jdbc.queryForObject("select count(*) from spatial_ref_sys where srid = ?", Integer.class, crs.srid()) == 0) {
            throw LaserProblem.unknownSrid(name, crs.srid());
        }
        return crs;
    }

    private void record(long surveyId, String name, String sha256, Path archived, boolean compressed, DeclaredCrs crs,
            LasSummary summary, LocalDate created) {
        jdbc.update("""
                with extent as (select ST_MakeEnvelope(?, ?, ?, ?, ?) as box)
                insert into laser_tile (survey_id, file_name, sha256, byte_size, compressed, las_version, point_format,
                    point_count, srid, crs_source, min_x, min_y, min_z, max_x, max_y, max_z, footprint, points_per_m2,
                    class_counts, first_returns, last_returns, file_created)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_Transform(box, 6668),
                    ? / greatest(ST_Area(ST_Transform(box, 4326)::geography), 1), ?::jsonb, ?, ?, ?
                from extent
                on conflict (sha256) do nothing
                """,
                summary.minX(), summary.minY(), summary.maxX(), summary.maxY(), crs.srid(),
                surveyId, name, sha256, size(archived), compressed, summary.version(),
                summary.pointFormat(), summary.pointCount(), crs.srid(), crs.source(), summary.minX(), summary.minY(),
                summary.minZ(), summary.maxX(), summary.maxY(), summary.maxZ(), (double) summary.pointCount(),
                classCounts(summary), summary.firstReturns(), summary.lastReturns(), created);
    }

    /** The header's file creation day; null when it leaves the day or year zero (or names no real day). */
    private static LocalDate creationDay(LASHeader header) {
        int year = header.getFileCreationYear(), day = header.getFileCreationDayOfYear();
        return year > 0 && day >= 1 && day <= Year.of(year).length() ? LocalDate.ofYearDay(year, day) : null;
    }

    /** Where the archive keeps a tile's file. */
    public Path file(long tileId) {
        return jdbc.queryForObject("select sha256, compressed from laser_tile where id = ?",
                (row, n) -> archivePath(row.getString("sha256"), row.getBoolean("compressed")), tileId);
    }

    /** The tiles of a survey, by file name. */
    public List<ArchivedTile> tiles(long surveyId) {
        return jdbc.query("""
                select id, file_name, sha256, compressed, srid, point_count, min_x, min_y, max_x, max_y
                from laser_tile where survey_id = ? order by file_name""",
                (row, n) -> new ArchivedTile(row.getLong("id"), row.getString("file_name"), archivePath(row.getString("sha256"), row.getBoolean("compressed")),
                        row.getInt("srid"), row.getLong("point_count"), row.getDouble("min_x"), row.getDouble("min_y"),
                        row.getDouble("max_x"), row.getDouble("max_y")), surveyId);
    }

    /** The archive's own directory for what is made from its tiles. */
    public Path productDirectory(long surveyId) {
        return properties.archiveDirectory().resolve("products").resolve("survey-" + surveyId);
    }

    /** Where uploaded files wait for their ingest job, beside the archive so that ingesting them moves no data between disks. */
    public Path uploadDirectory() {
        return properties.archiveDirectory().resolve("uploads");
    }

    /** laszip4j tells LAZ from LAS by the file's extension, so the archived copy keeps it. */
    private Path archivePath(String sha256, boolean compressed) {
        return properties.archiveDirectory().resolve(sha256.substring(0, 2)).resolve(sha256 + (compressed ? ".laz" : ".las"));
    }

    private Optional<IngestedTile> archived(String sha256) {
        return jdbc.query("select id, file_name, point_count, srid, points_per_m2 from laser_tile where sha256 = ?",
                (row, n) -> new IngestedTile(row.getLong("id"), row.getString("file_name"), true, row.getLong("point_count"),
                        row.getInt("srid"), row.getDouble("points_per_m2"), Duration.ZERO), sha256).stream().findFirst();
    }

    private static LASHeader header(Path file, String name) {
        try {
            LASHeader header = new LASReader(file.toFile()).getHeader();
            if (header == null || !"LASF".equals(header.getFileSignature())) {
                throw LaserProblem.notLas(name, "it does not start with the LAS signature LASF");
            }
            return header;
        } catch (RuntimeException unreadable) {
            if (unreadable instanceof LaserProblem problem) {
                throw problem;
            }
            throw LaserProblem.notLas(name, String.valueOf(unreadable.getMessage()));
        }
    }

    /**
     * A file copied into the archive directory under a temporary name, hashed as it was copied, and
     * summed in the same read when its point records can be read directly (uncompressed LAS, formats 0–5).
     */
    private record Staged(Path partial, String sha256, Optional<LasSummary> summary) {
    }

    /**
     * Copies the file into the archive directory while hashing it (and summing its points where it can),
     * in one read: a copy interrupted half-way is never seen there, since it takes its name only in {@link #keep}.
     */
    private Staged stage(Path file, LASHeader header, LongConsumer pointsRead) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Optional<LasChunks.Layout> layout = LasChunks.Layout.of(file, header);
        LasSummary.Tally tally = new LasSummary.Tally();
        Path partial;
        try {
            Files.createDirectories(properties.archiveDirectory());
            partial = Files.createTempFile(properties.archiveDirectory(), "ingest", ".partial");
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage " + file + " in the archive " + properties.archiveDirectory(), e);
        }
        // a failed read, or a job stopped through pointsRead, leaves no partial copy behind
        try (LasChunks chunks = new LasChunks(file, layout.orElse(LasChunks.Layout.BYTES_ONLY), LasChunks.buffer());
                FileChannel copy = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (chunks.next()) {
                ByteBuffer bytes = chunks.bytes();
                digest.update(bytes);
                bytes.rewind();
                if (layout.isPresent() && chunks.records() > 0) {
                    long before = tally.count();
                    tally.add(chunks);
                    if (before / LasSummary.REPORT_EVERY != tally.count() / LasSummary.REPORT_EVERY) {
                        pointsRead.accept(tally.count());
                    }
                }
                while (bytes.hasRemaining()) {
                    copy.write(bytes);
                }
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("could not copy " + file + " into the archive " + properties.archiveDirectory(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        return new Staged(partial, HexFormat.of().formatHex(digest.digest()), layout.map(known -> tally.summary(header)));
    }

    /** Gives the staged copy its name in the archive, unless the same bytes are there already. */
    private static Path keep(Staged staged, Path target) {
        try {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.move(staged.partial(), target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep " + staged.partial() + " in the archive as " + target, e);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            log.warn("Could not delete the staged copy {}: {}", partial, e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classCounts(LasSummary summary) {
        try {
            return JSON.writeValueAsString(summary.classCounts().entrySet().stream()
                    .collect(Collectors.toMap(entry -> String.valueOf(entry.getKey()), Map.Entry::getValue)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
