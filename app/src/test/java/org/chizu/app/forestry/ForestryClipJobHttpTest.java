package org.chizu.app.forestry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
 * area, the tree tops and their 20 m resource mesh as GeoPackages OGR opens and CSVs in the 森林資源データ
 * layouts, a download resumed with Range and logged once, whole tiles, a job cancelled by its owner
 * leaving no files, and the per-job limit and the organisation's monthly quota refused naming the limit.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.sample-town.enabled=true", "chizu.jobs.workers.poll-interval=200ms", "chizu.jobs.expiry-check-interval=300ms",
                "chizu.forestry.clip.max-points-per-job=400000", "chizu.forestry.clip.max-points-per-organisation-per-month=200000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForestryClipJobHttpTest {

    static Path jobsDirectory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.laser.archive-directory", Files.createTempDirectory("forestry-clip-archive")::toString);
        jobsDirectory = Files.createTempDirectory("forestry-clip-jobs");
        registry.add("chizu.jobs.directory", jobsDirectory::toString);
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
        List<String> products = List.of("point_cloud", "dem", "chm", "tree_points", "resource_mesh");
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
    void aFirmClipsItsApprovedAreaAndDownloadsExactlyThePointsInsideWithRastersTreesTheMeshAndAManifest() throws Exception {
        SignInBrowser yamada = signedIn("yamada@example.jp");
        earlierJobsWereLastMonth();
        long downloadsBefore = downloads();
        JsonNode plans = json.readTree(yamada.get("/api/forestry/applications/" + arrow + "/clip-plans").body());
        JsonNode plan = plans.path("plans").get(0);
        assertThat(plan.path("survey").asLong()).isEqualTo(survey);
        assertThat(plan.path("products")).extracting(JsonNode::asText).containsExactlyInAnyOrder("point_cloud", "dem", "chm", "tree_points", "resource_mesh");
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
                .containsExactlyInAnyOrder("points.las", "dem.tif", "chm.tif", "tree_points.gpkg", "tree_points.csv",
                        "resource_mesh.gpkg", "resource_mesh.csv");
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
                .contains("Layer name: tree_points", "Feature Count: " + treesInArea, "ID[\"EPSG\"," + srid + "]",
                        "樹種: String", "樹高: Real", "樹冠面積: Real", "材積_推定: Real", "緯度: Real", "経度: Real");
        List<CSVRecord> treeRows = csv(folder.resolve("tree_points.csv"));
        assertThat(treeRows.getFirst().toList()).as("the 森林資源データ 樹頂点 layout").containsExactly("ID", "樹種", "樹高", "樹冠面積", "材積_推定", "緯度", "経度");
        assertThat(treeRows).hasSize(1 + (int) treesInArea);

        long cellsInArea = jdbc.queryForObject("""
                select count(distinct (floor(ST_X(ST_Transform(p.geom, ?)) / 20), floor(ST_Y(ST_Transform(p.geom, ?)) / 20)))
                from forest_tree_point p join forestry_application a on ST_Intersects(p.geom, a.area) where a.id = ? and p.survey_id = ?""",
                Long.class, srid, srid, arrow, survey);
        String mesh = run("ogrinfo", "-al", folder.resolve("resource_mesh.gpkg").toString());
        assertThat(mesh).as("one cell of the 20 m grid for each that holds trees inside the area")
                .contains("Layer name: resource_mesh", "Geometry: Multi Polygon", "Feature Count: " + cellsInArea, "ID[\"EPSG\"," + srid + "]",
                        "メッシュID: String", "立木本数: Integer", "上層樹高: Real", "ha材積_推定: Real");
        Matcher extent = Pattern.compile("Extent: \\((\\S+), (\\S+)\\) - \\((\\S+), (\\S+)\\)").matcher(mesh);
        assertThat(extent.find()).as(mesh).isTrue();
        assertThat(Double.parseDouble(extent.group(1))).as("the cells are cut to the area").isGreaterThanOrEqualTo(envelope.getMinX() - 0.01);
        assertThat(Double.parseDouble(extent.group(2))).isGreaterThanOrEqualTo(envelope.getMinY() - 0.01);
        assertThat(Double.parseDouble(extent.group(3))).isLessThanOrEqualTo(envelope.getMaxX() + 0.01);
        assertThat(Double.parseDouble(extent.group(4))).isLessThanOrEqualTo(envelope.getMaxY() + 0.01);
        List<CSVRecord> meshRows = csv(folder.resolve("resource_mesh.csv"));
        assertThat(meshRows.getFirst().toList()).as("the 森林資源データ 森林資源量集計メッシュ layout")
                .containsExactly("メッシュID", "代表樹種", "立木本数", "立木密度", "平均樹高", "上層樹高", "材積_推定", "ha材積_推定");
        assertThat(meshRows).hasSize(1 + (int) cellsInArea);
        assertThat(meshRows.stream().skip(1).mapToLong(row -> Long.parseLong(row.get(2))).sum())
                .as("every tree inside the area counted in one cell").isEqualTo(treesInArea);

        assertThat(downloads() - downloadsBefore).as("seven files downloaded, the LAS resumed once: seven downloads, the manifest not counted").isEqualTo(7);
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
        long jobId = arrowJob(yamada);
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

    @Test
    void aJobCancelledByItsOwnerIsCancelledWithNoFileLeftOrOffered() throws Exception {
        SignInBrowser yamada = signedIn("yamada@example.jp");
        long jobId = arrowJob(yamada);
        String cancel = listed(yamada, jobId).path("cancelUrl").asText();
        assertThat(cancel).as("a queued or running job offers its cancel").isEqualTo("/api/jobs/" + jobId + "/cancel");

        HttpResponse<String> byStranger = signedIn("sato@example.jp").sendJson("POST", cancel, "");
        HttpResponse<String> byOwner = yamada.sendJson("POST", cancel, "");

        assertThat(byStranger.statusCode()).as("someone else's job is answered as unknown").isEqualTo(404);
        assertThat(byOwner.statusCode()).as(byOwner.body()).isEqualTo(200);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!jobState(yamada, jobId).equals("cancelled") || Files.exists(jobsDirectory.resolve(Long.toString(jobId)))) {
            assertThat(Instant.now()).as("the job stops and its partial files are deleted").isBefore(deadline);
            Thread.sleep(100);
        }
        JsonNode cancelled = listed(yamada, jobId);
        assertThat(cancelled.has("files")).as("nothing is offered for download").isFalse();
        assertThat(cancelled.has("cancelUrl")).isFalse();
        HttpResponse<String> las = yamada.get("/api/forestry/jobs/" + jobId + "/files/points.las");
        assertThat(las.statusCode()).as("a cancelled job has no result").isEqualTo(409);
        assertProblem(las);
    }

    /** Starts a clip of the arrow, the month's quota afresh; the job's id. */
    long arrowJob(SignInBrowser firm) throws Exception {
        earlierJobsWereLastMonth();
        HttpResponse<String> started = firm.sendJson("POST", "/api/forestry/jobs", "{\"application\": " + arrow + ", \"survey\": " + survey + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return json.readTree(started.body()).path("id").asLong();
    }

    JsonNode listed(SignInBrowser owner, long jobId) throws Exception {
        for (JsonNode job : json.readTree(owner.get("/api/forestry/jobs").body()).path("jobs")) {
            if (job.path("id").asLong() == jobId) {
                return job;
            }
        }
        throw new AssertionError("job " + jobId + " is not listed");
    }

    /** A CSV as Excel would open it: UTF-8 after a byte-order mark. */
    static List<CSVRecord> csv(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    }

    String jobState(SignInBrowser owner, long jobId) throws Exception {
        return listed(owner, jobId).path("state").asText();
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
