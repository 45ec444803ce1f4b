package org.chizu.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.chizu.app.ChizuApplication;
import org.chizu.app.reports.MultipartForm;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.reports.TestPhotos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./chizu backup} and {@code restore} against the real cluster: an archive taken while residents
 * keep filing reports with photos restores into a fresh database with every report acknowledged before
 * the backup began, each with its photos, and the data folder's files, all as the manifest says.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.reports.rate-limit.burst=100000", "chizu.reports.rate-limit.per-hour=100000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTest {

    static final TestDatabase DATABASE = TestDatabase.fresh();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Value("${chizu.home}")
    Path home;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void aTownWithAJobResultAndACache() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        write(home.resolve("jobs/7/attempt-1/roads.csv"), "id,name\n1,国道9号\n");
        write(home.resolve("cache/tiles/roads/14/1/2.mvt"), "rebuilt when missing");
    }

    @Test
    void aBackupTakenWhileReportsArriveRestoresEveryAcknowledgedReportWithItsPhotos() throws Exception {
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean filing = new AtomicBoolean(true);
        ExecutorService residents = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            residents.submit(() -> {
                while (filing.get()) {
                    acknowledged.add(fileReport());
                }
                return null;
            });
        }
        awaitAtLeast(acknowledged, 8);
        List<Long> beforeBackup = List.copyOf(acknowledged);
        Path archive = Files.createTempDirectory("chizu-backups").resolve("chizu.tar");

        Manifest manifest = Backups.backup(at(DATABASE), home, archive);
        int afterBackup = acknowledged.size();
        awaitAtLeast(acknowledged, afterBackup + 4);
        filing.set(false);
        residents.shutdown();

        TestDatabase fresh = TestDatabase.fresh();
        Path freshHome = Files.createTempDirectory("chizu-restored-home");
        Backups.restore(archive, at(fresh), freshHome, false);

        JdbcTemplate original = new JdbcTemplate(dataSource);
        JdbcTemplate restored = new JdbcTemplate(fresh.dataSource());
        long inBackup = manifest.tables().get("public.report");
        assertThat(restored.queryForObject("select count(*) from report", Long.class)).isEqualTo(inBackup);
        assertThat(original.queryForObject("select count(*) from report", Long.class))
                .as("reports kept arriving after the snapshot").isGreaterThan(inBackup);
        for (long id : beforeBackup) {
            assertThat(photos(restored, id)).as("report " + id).isNotEmpty().isEqualTo(photos(original, id));
        }
        assertThat(Files.readString(freshHome.resolve("jobs/7/attempt-1/roads.csv"))).isEqualTo("id,name\n1,国道9号\n");
        assertThat(freshHome.resolve("cache")).doesNotExist();
        assertThat(manifest.files()).extracting(Manifest.StoredFile::path).contains("jobs/7/attempt-1/roads.csv")
                .noneMatch(path -> path.startsWith("cache/") || path.startsWith("logs/"));
    }

    @Test
    void restoreRefusesADatabaseThatHoldsTablesUnlessForced() throws Exception {
        Path archive = Files.createTempDirectory("chizu-backups").resolve("chizu.tar");
        Manifest manifest = Backups.backup(at(DATABASE), home, archive);
        TestDatabase inUse = TestDatabase.migrated();
        Path otherHome = Files.createTempDirectory("chizu-other-home");

        assertThatThrownBy(() -> Backups.restore(archive, at(inUse), otherHome, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not empty").hasMessageContaining("--force");
        Backups.restore(archive, at(inUse), otherHome, true);

        assertThat(new JdbcTemplate(inUse.dataSource()).queryForObject("select count(*) from report", Long.class))
                .isEqualTo(manifest.tables().get("public.report"));
    }

    @Test
    void aDamagedArchiveIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        Path archive = Files.createTempDirectory("chizu-backups").resolve("chizu.tar");
        Backups.backup(at(DATABASE), home, archive);
        byte[] bytes = Files.readAllBytes(archive);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("id,name\n1,");
        bytes[at] = 'X';
        Files.write(archive, bytes);
        TestDatabase fresh = TestDatabase.fresh();

        assertThatThrownBy(() -> Backups.restore(archive, at(fresh), Files.createTempDirectory("chizu-home"), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jobs/7/attempt-1/roads.csv");
        assertThat(new JdbcTemplate(fresh.dataSource()).queryForObject(
                "select count(*) from pg_tables where schemaname = 'public' and tablename = 'report'", Long.class)).isZero();
    }

    private long fileReport() throws Exception {
        MultipartForm form = new MultipartForm().field("category", "pothole").field("description", "穴があります")
                .field("lon", "131.8430").field("lat", "34.67138").field("submissionKey", UUID.randomUUID().toString())
                .file("photos", "hole.jpg", "image/jpeg", TestPhotos.jpeg(320, 240));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                .header("Content-Type", form.contentType()).header("Accept", "application/json").POST(form.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).path("id").asLong();
    }

    private static List<Map<String, Object>> photos(JdbcTemplate database, long report) {
        return database.queryForList("select position, encode(sha256(jpeg), 'hex') as jpeg, encode(sha256(thumbnail), 'hex') as thumbnail"
                + " from report_photo where report_id = ? order by position", report);
    }

    private static void awaitAtLeast(List<Long> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(count);
    }

    private static Database at(TestDatabase database) {
        return new Database(database.url(), database.user(), database.password());
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
