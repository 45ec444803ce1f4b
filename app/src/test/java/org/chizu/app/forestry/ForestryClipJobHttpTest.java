package org.chizu.app.forestry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.testing.LasPointSets;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A forestry firm downloads its approved area as a clip job on the sample town's laser survey: the
 * estimate before it starts, the job's progress, a manifest with each file's SHA-256, a LAS whose points
 * are exactly the source points inside the area, rasters GDAL reads in the survey's system over the
 * area, a tree table OGR opens, a download resumed with Range and logged once, whole tiles, and the
 * per-job limit and the organisation's monthly quota refused naming the limit.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.sample-town.enabled=true", "chizu.jobs.workers.poll-interval=200ms", "chizu.jobs.expiry-check-interval=300ms",
                "chizu.forestry.clip.max-points-per-job=400000", "chizu.forestry.clip.max-points-per-organisation-per-month=200000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForestryClipJobHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("forestry-clip-archive")::toString);
        registry.add("chizu.jobs.directory", Files.createTempDirectory("forestry-clip-jobs")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LaserArchive archive;

    final ObjectMapper json = new ObjectMapper();
    ApprovedFirm firm;
    long survey;
    int srid;
    /** An arrow-shaped (concave) area over about 15 % of the survey, and a square over all of it. */
    long arrow;
    long wholeSurvey;

    @BeforeAll
    void anApprovedFirmWithTwoApprovedApplications() throws Exception {
        firm = ApprovedFirm.of(context, "yamada@example.jp", "山田林業株式会社");
        ApprovedFirm.resident(context, "sato@example.jp");
        survey = jdbc.queryForObject("select survey_id from laser_product where kind = 'dem' order by survey_id limit 1", Long.class);
        srid = jdbc.queryForObject("select min(srid) from laser_tile where survey_id = ?", Integer.class, survey);
        double[] box = jdbc.queryForObject("select min(min_x), min(min_y), max(max_x), max(max_y) from laser_tile where survey_id = ?",
                (row, n) -> new double[] {row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getDouble(4)}, survey);
        double[][] arrowShape = {{0.2, 0.2}, {0.7, 0.2}, {0.7, 0.6}, {0.45, 0.4}, {0.2, 0.6}, {0.2, 0.2}};
        double[][] square = {{-0.1, -0.1}, {1.1, -0.1}, {1.1, 1.1}, {-0.1, 1.1}, {-0.1, -0.1}};
        List<String> products = List.of("point_cloud", "dem", "chm", "tree_points");
        arrow = firm.approvedApplication(area(box, arrowShape), products);
        wholeSurvey = firm.approvedApplication(area(box, square), products);
    }

    /** A polygon given as fractions of the survey's extent, as GeoJSON in longitude/latitude. */
    String area(double[] box, double[][] fractions) {
        StringBuilder wkt = new StringBuilder("POLYGON((");
        for (double[] corner : fractions) {
            wkt.append(wkt.length() > 9 ? ", " : "").append(box[0] + corner[0] * (box[2] - box[0])).append(' ')
                    .append(box[1] + corner[1] * (box[3] - box[1]));
        }
        return jdbc.queryForObject("select ST_AsGeoJSON(ST_Transform(ST_GeomFromText(?, ?), 6668), 9)", String.class,
                wkt.append("))").toString(), srid);
    }

    SignInBrowser signedIn(String email) throws Exception {
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn(email, ApprovedFirm.PASSWORD);
        return browser;
    }

    @Test
    void aFirmClipsItsApprovedAreaAndDownloadsExactlyThePointsInsideWithRastersTreesAndAManifest() throws Exception {
        SignInBrowser yamada = signedIn("yamada@example.jp");
        earlierJobsWereLastMonth();
        long downloadsBefore = downloads();
        JsonNode plans = json.readTree(yamada.get("/api/forestry/applications/" + arrow + "/clip-plans").body());
        JsonNode plan = plans.path("plans").get(0);
        assertThat(plan.path("survey").asLong()).isEqualTo(survey);
        assertThat(plan.path("products")).extracting(JsonNode::asText).containsExactlyInAnyOrder("point_cloud", "dem", "chm", "tree_points");
        assertThat(plan.path("tiles")).isNotEmpty();
        long estimated = plan.path("points").asLong();
        assertThat(plans.path("limits").path("maxPointsPerJob").asLong()).isEqualTo(400_000);

        HttpResponse<String> started = yamada.sendJson("POST", "/api/forestry/jobs",
                "{\"application\": " + arrow + ", \"survey\": " + survey + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long jobId = json.readTree(started.body()).path("id").asLong();
        JsonNode job = doneJob(yamada, jobId);
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("expiresAt").asText()).as("the platform deletes the files when the job expires").isNotBlank();
        assertThat(json.readTree(yamada.get("/api/jobs").body()).path("jobs"))
                .as("the platform's own job list shows it to its owner").anySatisfy(own -> assertThat(own.path("id").asLong()).isEqualTo(jobId));

        JsonNode manifest = json.readTree(yamada.get(job.path("manifest").path("url").asText()).body());
        assertThat(manifest.path("crs").asText()).isEqualTo("EPSG:" + srid);
        assertThat(manifest.path("files")).extracting(file -> file.path("name").asText())
                .containsExactlyInAnyOrder("points.las", "dem.tif", "chm.tif", "tree_points.gpkg");
        Path folder = Files.createTempDirectory("clip-download");
        for (JsonNode file : manifest.path("files")) {
            byte[] bytes = file.path("name").asText().equals("points.las")
                    ? resumed(yamada, "/api/forestry/jobs/" + jobId + "/files/points.las")
                    : yamada.send(yamada.request("/api/forestry/jobs/" + jobId + "/files/" + file.path("name").asText()),
                            HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(bytes.length).isEqualTo(file.path("bytes").asLong());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .as(file.path("name").asText() + " is what the manifest says").isEqualTo(file.path("sha256").asText());
            Files.write(folder.resolve(file.path("name").asText()), bytes);
        }

        Geometry area = areaInSurveySystem(arrow);
        List<String> clipped = LasPointSets.all(List.of(folder.resolve("points.las")));
        List<String> bruteForce = LasPointSets.inside(archive.tiles(survey).stream().map(ArchivedTile::file).toList(), area);
        assertThat(clipped).as("the clipped points are the source points inside the area, each once").hasSize(bruteForce.size());
        assertThat(clipped).isEqualTo(bruteForce);
        assertThat(manifest.path("pointsInArea").asLong()).isEqualTo(clipped.size());
        assertThat((double) estimated).as("the estimate prorated from the tile index").isCloseTo(clipped.size(), within(0.15 * clipped.size()));

        JsonNode dem = json.readTree(run("gdalinfo", "-json", folder.resolve("dem.tif").toString()));
        assertThat(dem.path("coordinateSystem").path("wkt").asText()).contains("ID[\"EPSG\"," + srid + "]");
        var envelope = area.getEnvelopeInternal();
        JsonNode corners = dem.path("cornerCoordinates");
        assertThat(corners.path("upperLeft").get(0).asDouble()).isCloseTo(envelope.getMinX(), within(1.0));
        assertThat(corners.path("upperLeft").get(1).asDouble()).isCloseTo(envelope.getMaxY(), within(1.0));
        assertThat(corners.path("lowerRight").get(0).asDouble()).isCloseTo(envelope.getMaxX(), within(1.0));
        assertThat(corners.path("lowerRight").get(1).asDouble()).isCloseTo(envelope.getMinY(), within(1.0));
        assertThat(dem.path("metadata").path("IMAGE_STRUCTURE").path("LAYOUT").asText()).isEqualTo("COG");
        long treesInArea = jdbc.queryForObject("""
                select count(*) from forest_tree_point p join forestry_application a on ST_Intersects(p.geom, a.area)
                where a.id = ? and p.survey_id = ?""", Long.class, arrow, survey);
        assertThat(treesInArea).as("the sample forest has trees in the area").isPositive();
        assertThat(run("ogrinfo", "-so", "-al", folder.resolve("tree_points.gpkg").toString()))
                .contains("Layer name: tree_points", "Feature Count: " + treesInArea, "樹高", "材積_推定");

        assertThat(downloads() - downloadsBefore).as("four files downloaded, the LAS resumed once: four downloads, the manifest not counted").isEqualTo(4);
    }

    @Test
    void archivedTilesAreDownloadedWholeByAFirmWhoseAreaTheyOverlap() throws Exception {
        SignInBrowser yamada = signedIn("yamada@example.jp");
        JsonNode tile = json.readTree(yamada.get("/api/forestry/applications/" + arrow + "/clip-plans").body())
                .path("plans").get(0).path("tiles").get(0);
        String path = "/api/forestry/tiles/" + tile.path("id").asLong() + "/file";

        HttpResponse<byte[]> whole = yamada.send(yamada.request(path), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> stranger = signedIn("sato@example.jp").get(path);

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat((long) whole.body().length).isEqualTo(tile.path("bytes").asLong());
        assertThat(new String(whole.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("LASF");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertProblem(stranger);
    }

    @Test
    void aJobAboveThePointLimitAndOneThatPassesTheMonthlyQuotaAreRefusedNamingTheLimit() throws Exception {
        SignInBrowser yamada = signedIn("yamada@example.jp");
        earlierJobsWereLastMonth();
        String arrowJob = "{\"application\": " + arrow + ", \"survey\": " + survey + "}";

        HttpResponse<String> tooLarge = yamada.sendJson("POST", "/api/forestry/jobs", "{\"application\": " + wholeSurvey + ", \"survey\": " + survey + "}");
        HttpResponse<String> first = yamada.sendJson("POST", "/api/forestry/jobs", arrowJob);
        HttpResponse<String> second = yamada.sendJson("POST", "/api/forestry/jobs", arrowJob);
        HttpResponse<String> stranger = signedIn("sato@example.jp").sendJson("POST", "/api/forestry/jobs", arrowJob);

        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(json.readTree(tooLarge.body()).path("limit").asText()).isEqualTo("chizu.forestry.clip.max-points-per-job");
        assertThat(first.statusCode()).as("the arrow's estimate fits the monthly quota once").isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(json.readTree(second.body()).path("limit").asText()).isEqualTo("chizu.forestry.clip.max-points-per-organisation-per-month");
        assertThat(stranger.statusCode()).isEqualTo(403);
        List.of(tooLarge, second, stranger).forEach(this::assertProblem);
        doneJob(yamada, json.readTree(first.body()).path("id").asLong());
    }

    @Test
    void theFilesOfAJobAreDeletedWhenItExpires() throws Exception {
        SignInBrowser yamada = signedIn("yamada@example.jp");
        earlierJobsWereLastMonth();
        HttpResponse<String> started = yamada.sendJson("POST", "/api/forestry/jobs", "{\"application\": " + arrow + ", \"survey\": " + survey + "}");
        long jobId = json.readTree(started.body()).path("id").asLong();
        String las = "/api/forestry/jobs/" + jobId + "/files/points.las";
        doneJob(yamada, jobId);
        assertThat(yamada.send(yamada.request(las).header("Range", "bytes=0-3")).statusCode()).isEqualTo(206);

        // the platform's keep-results-for has passed for this job
        jdbc.update("update job set expires_at = now() where id = ?", jobId);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!jobState(yamada, jobId).equals("expired")) {
            assertThat(Instant.now()).as("the job expires").isBefore(deadline);
            Thread.sleep(200);
        }
        HttpResponse<String> gone = yamada.get(las);

        assertThat(gone.statusCode()).isEqualTo(410);
        assertProblem(gone);
    }

    String jobState(SignInBrowser owner, long jobId) throws Exception {
        for (JsonNode job : json.readTree(owner.get("/api/forestry/jobs").body()).path("jobs")) {
            if (job.path("id").asLong() == jobId) {
                return job.path("state").asText();
            }
        }
        throw new AssertionError("job " + jobId + " is not listed");
    }

    /** The monthly quota starts afresh. */
    void earlierJobsWereLastMonth() {
        jdbc.update("update forestry_clip_job set started_at = now() - interval '40 days' where organisation_id = ?", firm.organisation());
    }

    long downloads() {
        return jdbc.queryForObject("select count(*) from forestry_download where organisation_id = ?", Long.class, firm.organisation());
    }

    JsonNode doneJob(SignInBrowser owner, long jobId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode job = null;
            for (JsonNode candidate : json.readTree(owner.get("/api/forestry/jobs").body()).path("jobs")) {
                if (candidate.path("id").asLong() == jobId) {
                    job = candidate;
                }
            }
            assertThat(job).as("job " + jobId + " is listed").isNotNull();
            assertThat(job.path("state").asText()).as(job.path("message").asText()).isNotIn("failed", "cancelled");
            if (job.path("state").asText().equals("done")) {
                return job;
            }
            assertThat(Instant.now()).as("job " + jobId + " is done in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** A download in two requests, as a resumed one: the first kilobyte, then the rest from there. */
    byte[] resumed(SignInBrowser browser, String path) throws Exception {
        HttpResponse<byte[]> head = browser.send(browser.request(path).header("Range", "bytes=0-1023"), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> rest = browser.send(browser.request(path).header("Range", "bytes=1024-"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(rest.statusCode()).isEqualTo(206);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(head.body());
        whole.write(rest.body());
        return whole.toByteArray();
    }

    Geometry areaInSurveySystem(long application) throws Exception {
        return new WKBReader().read(jdbc.queryForObject("select ST_AsBinary(ST_Transform(area, ?)) from forestry_application where id = ?",
                byte[].class, srid, application));
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().getPath())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
