package org.chizu.forestry.laser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASReader;

class LaserArchiveTest {

    private static final Path LIDAR = sharedData().resolve("lidar").toAbsolutePath().normalize();

    private static final int OREGON_LCC_METRES = 2991, OREGON_LCC_FEET = 2994, ZONE_III = 6671;

    @TempDir
    static Path archiveDirectory;
    static JdbcTemplate jdbc;
    static LaserArchive archive;
    static long survey;

    @BeforeAll
    static void anEmptyArchive() {
        jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
        archive = new LaserArchive(jdbc, new LaserProperties(archiveDirectory));
        survey = archive.survey("laspy test files", "laspy project");
    }

    @Test
    void everyPointOfALasOrLazFileIsCountedAndItsExtentIsOnTheMap() {
        // The laspy files are Oregon's (NAD83 / Oregon LCC, metres or international feet); only the COPC
        // file says so in a form with an EPSG code, the others are told as an operator would tell them.
        Map<String, OptionalInt> files = Map.of(
                "simple.las", OptionalInt.of(OREGON_LCC_METRES), "simple.laz", OptionalInt.of(OREGON_LCC_METRES),
                "autzen_trim.laz", OptionalInt.of(OREGON_LCC_FEET), "vegetation_1_3.las", OptionalInt.of(ZONE_III),
                "simple.copc.laz", OptionalInt.empty());
        files.forEach((name, declared) -> {
            Path file = sharedFile(name);
            IngestedTile tile = archive.ingest(survey, file, declared);

            Map<String, Object> row = jdbc.queryForMap("""
                    select point_count, (select sum(value::bigint) from jsonb_each_text(class_counts)) as classified,
                           srid, crs_source, ST_SRID(footprint) as footprint_srid, ST_IsValid(footprint) as valid, points_per_m2
                    from laser_tile where id = ?""", tile.id());
            assertThat(row.get("point_count")).as(name).isEqualTo(headerPointCount(file));
            assertThat(row.get("classified")).as(name + ": every point has a class").isEqualTo(BigDecimal.valueOf(tile.pointCount()));
            assertThat(row.get("srid")).as(name).isEqualTo(declared.orElse(OREGON_LCC_METRES));
            assertThat(row.get("crs_source")).as(name).isEqualTo(declared.isPresent() ? "declared" : "wkt");
            assertThat(row.get("footprint_srid")).isEqualTo(6668);
            assertThat(row.get("valid")).isEqualTo(true);
            assertThat((double) row.get("points_per_m2")).as(name).isPositive();
        });
    }

    @Test
    void aFileThatDeclaresNoCoordinateSystemWaitsForTheOperatorToNameIt() {
        assertThatThrownBy(() -> archive.ingest(survey, sharedFile("vegetation_1_3.las"), OptionalInt.empty()))
                .isInstanceOf(LaserProblem.class)
                .hasMessageContaining("vegetation_1_3.las")
                .hasMessageContaining("--zone");
    }

    @Test
    void ingestingTheSameBytesAgainChangesNothing() throws Exception {
        Path file = sharedFile("simple.laz");
        IngestedTile first = archive.ingest(survey, file, OptionalInt.of(OREGON_LCC_METRES));
        int tiles = jdbc.queryForObject("select count(*) from laser_tile", Integer.class);

        IngestedTile again = archive.ingest(survey, file, OptionalInt.of(OREGON_LCC_METRES));

        assertThat(again.alreadyArchived()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.queryForObject("select count(*) from laser_tile", Integer.class)).isEqualTo(tiles);
        assertThat(Files.mismatch(archive.file(first.id()), file)).as("the archived copy is the file").isEqualTo(-1);
    }

    @Test
    void aFileThatIsNotAPointCloudIsRefusedByName(@TempDir Path directory) throws Exception {
        Path notLas = Files.writeString(directory.resolve("readme.las"), "not a point cloud");

        assertThatThrownBy(() -> archive.ingest(survey, notLas, OptionalInt.empty()))
                .isInstanceOf(LaserProblem.class)
                .hasMessageContaining("readme.las");
        assertThat(jdbc.queryForObject("select count(*) from laser_tile where file_name = 'readme.las'", Integer.class)).isZero();
    }

    @Test
    void theCommandIngestsADirectoryAndNamesWhatItRefused(@TempDir Path directory) throws Exception {
        new SyntheticForest(7, ZONE_III, -80_000, -120_000, 60, 6).writeTiles(directory, 30);
        Files.writeString(directory.resolve("broken.laz"), "LASF but nothing else");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = new LaserIngestCommand(archive).run(List.of(directory.toString(), "--survey", "2026 益田市 森林",
                "--body", "益田市"), new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(exit).as("a refused file fails the command").isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("broken.laz: refused")
                .contains("4 of 5 files archived")
                .contains("EPSG:6671");
        assertThat(jdbc.queryForList("""
                select t.crs_source from laser_tile t join laser_survey s on s.id = t.survey_id
                where s.name = '2026 益田市 森林' and s.surveying_body = '益田市'""", String.class))
                .as("Chizu's own tiles declare their zone as GeoTIFF keys").containsExactly("geotiff", "geotiff", "geotiff", "geotiff");
    }

    @Test
    void anIngestStoppedWhileTheFileIsCopiedLeavesNoPartialCopyBehind(@TempDir Path directory) throws Exception {
        // 120 m of synthetic forest: more points than are read between two reports of progress
        Path tile = new SyntheticForest(9, ZONE_III, -90_000, -130_000, 120, 8).writeTiles(directory, 120).get(0);

        assertThatThrownBy(() -> archive.ingest(survey, tile, OptionalInt.empty(), read -> {
            throw new IllegalStateException("stopped by staff");
        })).hasMessage("stopped by staff");

        try (Stream<Path> files = Files.walk(archiveDirectory)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void aSurveyBelongsToOneSurveyingBody() {
        archive.survey("2025 西部", "島根県");

        assertThatThrownBy(() -> archive.survey("2025 西部", "益田市"))
                .hasMessageContaining("島根県");
    }

    /** LAS 1.4 moved the count to a 64-bit field; older files have only the legacy one. */
    private static long headerPointCount(Path file) {
        LASHeader header = new LASReader(file.toFile()).getHeader();
        return Math.max(header.getNumberOfPointRecords(), Integer.toUnsignedLong(header.getLegacyNumberOfPointRecords()));
    }

    private static Path sharedFile(String name) {
        return LIDAR.resolve(name);
    }

    private static Path sharedData() {
        String configured = System.getenv("CHIZU_SHARED_DATA");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data"); // from the module folder
    }
}
