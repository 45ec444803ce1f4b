package org.chizu.opendata.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.Jobs;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Large exports as background jobs: {@code POST /api/exports} refuses what {@code GET /data/…} refuses,
 * with the same problem, and its job writes the bytes the download answers the same request with.
 */
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportJobsTest extends RunningServer {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void quickJobs(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("chizu-home-");
        registry.add("chizu.home", home::toString);
        registry.add("chizu.jobs.workers.poll-interval", () -> "200ms");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Jobs jobs;

    @Test
    void aGeoJsonExportIsByteForByteTheDownloadOfTheSameRequestAndItsProgressNamesTheCount() throws Exception {
        byte[] download = get("/data/roads.geojson?bbox=131.7,34.55,132.0,34.8&crs=EPSG:6671").body();

        Job done = awaitState(export(resident("sato"), "{\"layer\": \"roads\", \"format\": \"geojson\","
                + " \"bbox\": [131.7, 34.55, 132.0, 34.8], \"crs\": \"EPSG:6671\"}"), JobState.DONE);

        assertThat(result(done, resident("sato"))).isEqualTo(download);
        assertThat(JSON.readTree(download).get("features")).hasSize(3);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.message()).isEqualTo("3 / 3 地物 (features)");
        assertThat(done.result().name()).matches("roads-\\d{8}T\\d{4}Z\\.geojson");
        assertThat(done.result().mediaType()).isEqualTo("application/geo+json");
    }

    @Test
    void aShiftJisCsvExportIsByteForByteTheDownload() throws Exception {
        byte[] download = get("/data/roads.csv?encoding=shift_jis&header=names").body();

        Job done = awaitState(export(resident("suzuki"),
                "{\"layer\": \"roads\", \"format\": \"csv\", \"encoding\": \"shift_jis\", \"header\": \"names\"}"), JobState.DONE);

        assertThat(result(done, resident("suzuki"))).isEqualTo(download);
        assertThat(done.result().mediaType()).isEqualTo("text/csv;charset=windows-31j");
        assertThat(done.message()).isEqualTo(String.format("%,d / %,d 地物 (features)", count("roads"), count("roads")));
    }

    @Test
    void aGeoPackageExportBuildsTheFileTheDownloadThenServes() throws Exception {
        Job done = awaitState(export(resident("ito"), "{\"layer\": \"facilities\", \"format\": \"gpkg\"}"), JobState.DONE);
        byte[] download = get("/data/facilities.gpkg").body();

        assertThat(result(done, resident("ito"))).isEqualTo(download);
        assertThat(done.message()).isEqualTo("3 / 3 地物 (features)");
        assertThat(done.result().name()).endsWith(".gpkg");
    }

    @Test
    void aBadRequestIsRefusedAtSubmissionWithTheDownloadsProblem() throws Exception {
        Map<String, String> sameProblems = Map.of(
                "/data/roads.geojson?bbox=1,2,3", "{\"layer\": \"roads\", \"format\": \"geojson\", \"bbox\": \"1,2,3\"}",
                "/data/roads.geojson?within=99999", "{\"layer\": \"roads\", \"format\": \"geojson\", \"within\": \"99999\"}",
                "/data/roads.geojson?crs=EPSG:2451", "{\"layer\": \"roads\", \"format\": \"geojson\", \"crs\": \"EPSG:2451\"}",
                "/data/roads.csv?encoding=euc-jp", "{\"layer\": \"roads\", \"format\": \"csv\", \"encoding\": \"euc-jp\"}",
                "/data/roads.kml", "{\"layer\": \"roads\", \"format\": \"kml\"}",
                "/data/no_such_layer.geojson", "{\"layer\": \"no_such_layer\", \"format\": \"geojson\"}");
        long jobsBefore = jobs.list("kato", null, 0, 10).total();

        for (Map.Entry<String, String> pair : sameProblems.entrySet()) {
            HttpResponse<byte[]> download = get(pair.getKey());
            MockHttpServletResponse refused = submit(resident("kato"), pair.getValue());

            assertThat(refused.getStatus()).as(pair.getValue()).isEqualTo(download.statusCode()).isIn(400, 404);
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(problem(refused.getContentAsByteArray())).as(pair.getValue()).isEqualTo(problem(download.body()));
        }
        MockHttpServletResponse misspelt = submit(resident("kato"), "{\"layer\": \"roads\", \"format\": \"geojson\", \"bobx\": \"1,2,3,4\"}");
        assertThat(misspelt.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(misspelt.getContentAsByteArray()).get("detail").asText()).contains("bobx");
        assertThat(jobs.list("kato", null, 0, 10).total()).as("no job was queued").isEqualTo(jobsBefore);
    }

    @Test
    void thePublicCannotExportAStaffOnlyLayerWhichStaffCan() throws Exception {
        HttpResponse<byte[]> download = get("/data/water_pipes.geojson");
        MockHttpServletResponse refused = submit(resident("yamada"), "{\"layer\": \"water_pipes\", \"format\": \"geojson\"}");

        assertThat(refused.getStatus()).isEqualTo(404).isEqualTo(download.statusCode());
        assertThat(problem(refused.getContentAsByteArray())).isEqualTo(problem(download.body()));
        mvc.perform(post("/api/exports").contentType(MediaType.APPLICATION_JSON)
                .content("{\"layer\": \"roads\", \"format\": \"geojson\"}")).andExpect(status().isUnauthorized());

        Job staffExport = awaitState(export(staff("tanaka"), "{\"layer\": \"water_pipes\", \"format\": \"fgb\"}"), JobState.DONE);
        assertThat(staffExport.message()).isEqualTo(String.format("%,d / %,d 地物 (features)", count("water_pipes"), count("water_pipes")));
        mvc.perform(MockMvcRequestBuilders.get("/api/jobs/" + staffExport.id() + "/result").with(resident("yamada"))).andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.get("/api/jobs/" + staffExport.id() + "/result").with(staff("tanaka"))).andExpect(status().isOk());
    }

    /** Last: it leaves many facilities behind (added without history, which would take minutes to write). */
    @Test
    @Order(Integer.MAX_VALUE)
    void aCancelledExportStopsPartWayWithoutAResult() throws Exception {
        jdbc.execute("alter table facilities disable trigger facilities_history");
        jdbc.update("""
                insert into facilities (kind, name, address, capacity, geom)
                select 'hall', '集会所 ' || n, '島根県益田市', n % 300, ST_SetSRID(ST_MakePoint(131.8 + n * 1e-7, 34.6), 6668)
                from generate_series(1, 200000) n""");
        jdbc.execute("alter table facilities enable trigger facilities_history");
        long id = export(resident("kimura"), "{\"layer\": \"facilities\", \"format\": \"geojson\"}");
        Job running = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.find(id).orElseThrow(), job -> job.state() == JobState.RUNNING && job.progress() > 0);
        assertThat(running.message()).matches("[\\d,]+ / 200,003 地物 \\(features\\)");

        mvc.perform(post("/api/jobs/" + id + "/cancel").with(resident("kimura"))).andExpect(status().isOk());

        Job cancelled = awaitState(id, JobState.CANCELLED);
        assertThat(cancelled.progress()).isBetween(1, 99);
        assertThat(cancelled.result()).isNull();
    }

    /** Submits an export and returns its job's id, read from the Location it is answered with. */
    private long export(RequestPostProcessor caller, String body) throws Exception {
        MockHttpServletResponse accepted = submit(caller, body);
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.getContentAsByteArray()).get("kind").asText()).isEqualTo("data.export");
        return Long.parseLong(accepted.getHeader("Location").substring("/api/jobs/".length()));
    }

    private MockHttpServletResponse submit(RequestPostProcessor caller, String body) throws Exception {
        return mvc.perform(post("/api/exports").with(caller).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    private byte[] result(Job job, RequestPostProcessor owner) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/jobs/" + job.id() + "/result").with(owner)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** A problem without its instance, which names the path asked. */
    private static JsonNode problem(byte[] body) throws IOException {
        ObjectNode problem = (ObjectNode) JSON.readTree(body);
        problem.remove("instance");
        return problem;
    }

    /** Waits for the job to end up in the state, failing at once (with its message) if it ends in another. */
    private Job awaitState(long id, JobState state) {
        Job job = await("job " + id + " " + state.id()).atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.find(id).orElseThrow(), found -> found.state() == state || !found.state().active());
        assertThat(job.state()).as(job.message()).isEqualTo(state);
        return job;
    }

    /** Someone signed in without the staff role, as a resident is. */
    private static RequestPostProcessor resident(String name) {
        return user(name).roles("RESIDENT");
    }

    private static RequestPostProcessor staff(String name) {
        return user(name).roles("STAFF");
    }
}
