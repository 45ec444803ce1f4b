package org.chizu.app.forestry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.forestry.testing.SharedLidar;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff upload laser tiles as the request's body and an ingest job archives them: a real CRS-less
 * LAS file once its zone is given and a synthetic forest tile carrying its own, each followed to done
 * on the platform's job API, then found in the surveys' GeoJSON and in STAC with its products made;
 * the same bytes again are reported as already archived; a text file, a file without a coordinate
 * system or zone, an unknown zone and a body above the size limit are refused as problem+json naming what;
 * an upload whose ingest fails every attempt is deleted from the uploads folder.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.jobs.workers.poll-interval=200ms", "chizu.jobs.retry-delay=100ms", "chizu.laser.upload.max-size=64MB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyUploadHttpTest {

    private static final int ZONE_III = 6671;

    static Path archiveDirectory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        archiveDirectory = Files.createTempDirectory("forestry-upload-archive");
        registry.add("chizu.laser.archive-directory", archiveDirectory::toString);
        registry.add("chizu.jobs.directory", Files.createTempDirectory("forestry-upload-jobs")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    String staffToken;
    Path syntheticTile;

    @BeforeAll
    void aStaffMemberAndASyntheticForestTile() throws Exception {
        staffToken = staff.create("suzuki", "鈴木 花子", Role.STAFF).token().token();
        // 90 m × 90 m of forest in zone III, some 100 km east of its origin, as over Yasugi
        syntheticTile = new SyntheticForest(7, ZONE_III, 98_000, -63_000, 90, 8)
                .writeTiles(Files.createTempDirectory("synthetic-upload"), 90).get(0);
    }

    HttpResponse<String> upload(byte[] body, Map<String, String> parameters) throws Exception {
        String query = parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff/api/forestry/surveys/uploads?" + query))
                .header("Authorization", "Bearer " + staffToken).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> parameters(String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return parameters;
    }

    JsonNode asStaff(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + staffToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Follows the job on the platform's API until it is done, and reads its result. */
    JsonNode doneResult(HttpResponse<String> accepted) throws Exception {
        JsonNode state = ended(accepted);
        long job = state.path("id").asLong();
        assertThat(state.path("state").asText()).as(state.toString()).isEqualToIgnoringCase("done");
        assertThat(state.path("progress").asInt()).isEqualTo(100);
        assertThat(state.path("kind").asText()).isEqualTo("forestry.ingest");
        assertThat(asStaff("/staff/api/jobs").findValues("id")).as("staff see it among everyone's jobs")
                .anySatisfy(id -> assertThat(id.asLong()).isEqualTo(job));
        return asStaff("/api/jobs/" + job + "/result");
    }

    @Test
    void aSyntheticTileIsArchivedWithItsProductsListedInTheSurveysAndStacAndTheSameBytesAgainChangeNothing() throws Exception {
        byte[] tile = Files.readAllBytes(syntheticTile);
        assertThat(tile.length).as("larger than Undertow takes in a body by default").isGreaterThan(2 * 1024 * 1024);
        Map<String, String> survey = parameters("survey", "2026年度 広瀬地区", "body", "安来市", "name", syntheticTile.getFileName().toString());

        JsonNode first = doneResult(upload(tile, survey));

        assertThat(first.path("alreadyArchived").asBoolean()).isFalse();
        assertThat(first.path("crs").asText()).isEqualTo("EPSG:" + ZONE_III);
        assertThat(first.path("points").asLong()).isGreaterThan(90 * 90 * 4);
        assertThat(first.path("productsMade")).extracting(JsonNode::asText).contains("dem", "chm", "cs-relief");
        long tileId = first.path("tile").asLong(), surveyId = first.path("survey").asLong();
        JsonNode listed = null;
        for (JsonNode feature : asStaff("/api/forestry/surveys").path("features")) {
            if (feature.path("id").asLong() == surveyId) {
                listed = feature.path("properties");
            }
        }
        assertThat(listed).as("the survey is listed with its tile").isNotNull();
        assertThat(listed.path("tiles").asLong()).isEqualTo(1);
        assertThat(listed.path("points").asLong()).isEqualTo(first.path("points").asLong());
        assertThat(listed.path("products")).isNotEmpty();
        JsonNode item = asStaff("/stac/collections/laser-survey-" + surveyId + "/items/tile-" + tileId);
        assertThat(item.at("/properties/proj:epsg").asInt()).isEqualTo(ZONE_III);

        JsonNode again = doneResult(upload(tile, survey));

        assertThat(again.path("alreadyArchived").asBoolean()).as("the same bytes are archived once").isTrue();
        assertThat(again.path("tile").asLong()).isEqualTo(tileId);
        assertThat(again.path("productsMade")).as("nothing is made again").isEmpty();
    }

    /** Follows the job on the platform's API until it has ended, however. */
    JsonNode ended(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long job = json.readTree(accepted.body()).path("job").asLong();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/jobs/" + job);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode state = asStaff("/api/jobs/" + job);
        while (!state.path("state").asText().matches("done|failed|cancelled") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            state = asStaff("/api/jobs/" + job);
        }
        return state;
    }

    @Test
    void anUploadWhoseIngestFailsEveryAttemptIsDeletedFromTheUploadsFolder() throws Exception {
        byte[] las = Files.readAllBytes(SharedLidar.file("simple.las"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(las));
        // a file where the archive keeps these bytes' folder: every attempt fails to keep its copy
        Path inTheWay = Files.writeString(archiveDirectory.resolve(sha256.substring(0, 2)), "in the way");
        try {
            JsonNode job = ended(upload(las, parameters("survey", "取り込み失敗試験", "body", "安来市", "name", "simple.las", "zone", "III")));

            assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("failed");
            assertThat(job.path("attempts").asInt()).as("every attempt was made").isEqualTo(job.path("maxAttempts").asInt()).isGreaterThan(1);
            Path upload = Path.of(job.path("payload").path("file").asText());
            assertThat(upload.getParent().getParent()).isEqualTo(archiveDirectory.resolve("uploads"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Files.exists(upload.getParent())) {
                assertThat(Instant.now()).as("the upload's folder " + upload.getParent() + " is deleted").isBefore(deadline);
                Thread.sleep(100);
            }
        } finally {
            Files.delete(inTheWay);
        }
    }

    @Test
    void aRealFileWithoutACoordinateSystemIsRefusedUntilItsZoneIsGiven() throws Exception {
        byte[] vegetation = Files.readAllBytes(SharedLidar.file("vegetation_1_3.las"));

        HttpResponse<String> withoutZone = upload(vegetation, parameters("survey", "植生試験", "body", "安来市", "name", "vegetation_1_3.las"));
        HttpResponse<String> unknownZone = upload(vegetation, parameters("survey", "植生試験", "body", "安来市", "zone", "XX"));

        assertProblem(withoutZone, 422, "unknown-crs", "vegetation_1_3.las");
        assertProblem(unknownZone, 400, "unknown-zone", "XX");

        JsonNode archived = doneResult(upload(vegetation, parameters("survey", "植生試験", "body", "安来市", "name", "vegetation_1_3.las", "zone", "III")));

        assertThat(archived.path("fileName").asText()).isEqualTo("vegetation_1_3.las");
        assertThat(archived.path("crs").asText()).isEqualTo("EPSG:" + ZONE_III);
        assertThat(archived.path("points").asLong()).isEqualTo(10_683);
        assertProblem(upload(Files.readAllBytes(SharedLidar.file("simple.laz")), parameters("survey", "植生試験", "body", "安来市", "epsg", "2991")),
                409, "other-crs", "EPSG:6671");
    }

    @Test
    void aTextFileAndAFileAboveTheLimitAreRefusedNamingWhat() throws Exception {
        HttpResponse<String> text = upload("x,y,z\n1,2,3\n".getBytes(StandardCharsets.UTF_8),
                parameters("survey", "2026年度 広瀬地区", "body", "安来市", "name", "points.csv"));
        HttpResponse<String> noSurvey = upload(Files.readAllBytes(syntheticTile), parameters("body", "安来市"));

        assertProblem(text, 422, "not-a-point-cloud", "points.csv is not a LAS or LAZ point cloud");
        assertProblem(noSurvey, 400, "missing-parameter", "survey");
        assertThat(tooLargeAnswer()).as("refused from its declared length, before the body is sent")
                .startsWith("HTTP/1.1 413").contains("application/problem+json", "upload-too-large", "67108864");
    }

    /** What the server answers a request that declares 100 GB and sends none of it. */
    String tooLargeAnswer() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /staff/api/forestry/surveys/uploads?survey=a&body=b HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + staffToken + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 100000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[8192];
            int read = in.read(answer);
            return new String(answer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
        }
    }

    void assertProblem(HttpResponse<String> response, int status, String type, String named) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith(type);
        assertThat(problem.path("detail").asText()).contains(named);
    }
}
