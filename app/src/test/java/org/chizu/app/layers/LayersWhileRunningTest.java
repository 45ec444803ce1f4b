package org.chizu.app.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Layers declared while the server runs, over real HTTP against the whole application: a table and
 * a declaration written into the town's folder (or sent by an admin) are served by tiles, features,
 * downloads, the catalog and the layer list within seconds, with versions; removing the
 * declaration removes the layer from all of them.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayersWhileRunningTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Path FOLDER = folder();
    /** A point in Masuda and the z15 tile holding it. */
    private static final double LON = 131.8591;
    private static final double LAT = 34.6781;
    private static final String TILE = "15/28386/13015";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.layers.directory", FOLDER::toString);
        registry.add("chizu.layers.poll-interval", () -> "200ms");
        registry.add("chizu.sample-town.enabled", () -> "false");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();
    String adminToken;
    String staffToken;

    @BeforeAll
    void createAccounts() {
        adminToken = accounts.create("kanri", Role.ADMIN).token().token();
        staffToken = accounts.create("shokuin", Role.STAFF).token().token();
    }

    @Test
    void aLayerWrittenIntoTheFolderIsServedEverywhereWithVersionsAndGoneEverywhereOnceRemoved() throws Exception {
        createTable("wells");
        jdbc.update("insert into wells (name, depth_m, geom) values ('東町井戸', 12.5, st_setsrid(st_point(?, ?), 6668))", LON, LAT);

        Files.writeString(FOLDER.resolve("wells.yml"), declaration("wells", "井戸", "Wells"));

        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(layerIds()).contains("wells");
            assertThat(status("/tiles/wells/" + TILE + ".mvt")).isEqualTo(200);
            assertThat(body("/ogc/collections/wells/items")).contains("東町井戸");
            assertThat(body("/data/wells.geojson")).contains("東町井戸");
            assertThat(body("/catalog.nt")).contains("/dataset/wells>");
            assertThat(status("/api/3/action/package_show?id=wells")).isEqualTo(200);
            assertThat(versions("wells")).hasSize(1);
        });

        jdbc.update("update wells set depth_m = 14 where name = '東町井戸'");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(versions("wells")).hasSize(2));

        Files.delete(FOLDER.resolve("wells.yml"));

        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(layerIds()).doesNotContain("wells");
            assertThat(status("/api/layers/wells")).isEqualTo(404);
            assertThat(status("/tiles/wells/" + TILE + ".mvt")).isEqualTo(404);
            assertThat(status("/ogc/collections/wells/items")).isEqualTo(404);
            assertThat(status("/data/wells.geojson")).isEqualTo(404);
            assertThat(status("/data/wells/versions")).isEqualTo(404);
            assertThat(body("/catalog.nt")).doesNotContain("/dataset/wells>");
            assertThat(status("/api/3/action/package_show?id=wells")).isEqualTo(404);
        });
    }

    @Test
    void anAdminDeclaresReplacesAndRemovesALayerAndABrokenReplacementLeavesTheOldOneServed() throws Exception {
        createTable("springs");

        HttpResponse<String> added = declare(adminToken, declaration("springs", "湧水", "Springs"));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location")).hasValue("/api/layers/springs");
        assertThat(title("springs")).isEqualTo("湧水");

        assertThat(declare(adminToken, declaration("springs", "湧き水", "Springs")).statusCode()).isEqualTo(200);
        assertThat(title("springs")).isEqualTo("湧き水");

        HttpResponse<String> broken = declare(adminToken, declaration("springs", "壊れた", "Broken")
                + "  - {name: flow, type: decimal, label: {ja: 湧出量}}\n");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(broken.body()).contains("attribute flow has no column");
        assertThat(title("springs")).isEqualTo("湧き水");

        assertThat(send(request("/api/layers/springs").DELETE().header("Authorization", "Bearer " + adminToken)).statusCode())
                .isEqualTo(204);
        assertThat(status("/api/layers/springs")).isEqualTo(404);
        assertThat(status("/ogc/collections/springs/items")).isEqualTo(404);
    }

    @Test
    void aDeclarationWhoseTableIsMissingOrWhoseFieldIsWrongIsRefusedNamingIt() throws Exception {
        HttpResponse<String> noTable = declare(adminToken, declaration("ponds", "池", "Ponds"));
        assertThat(noTable.statusCode()).isEqualTo(422);
        assertThat(noTable.body()).contains("table ponds does not exist; create it first");

        HttpResponse<String> wrongKind = declare(adminToken, declaration("ponds", "池", "Ponds").replace("kind: Point", "kind: Blob"));
        assertThat(wrongKind.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrongKind.body()).path("field").asText()).isEqualTo("geometry.kind");

        HttpResponse<String> wrongStandard = declare(adminToken, declaration("ponds", "池", "Ponds")
                + "standards: [{id: ponds, title: {ja: 池一覧}, spec: 'https://example.org/ponds', columns: [{name: 名称, attribute: nmae}]}]\n");
        assertThat(wrongStandard.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrongStandard.body()).path("field").asText()).isEqualTo("standards");
        assertThat(wrongStandard.body()).contains("names unknown attribute 'nmae'");

        HttpResponse<String> wrongHistory = declare(adminToken, declaration("ponds", "池", "Ponds") + "history: sometimes\n");
        assertThat(wrongHistory.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrongHistory.body()).path("field").asText()).isEqualTo("history");

        assertThat(declare(adminToken, "id: [unclosed").statusCode()).isEqualTo(400);
        assertThat(status("/api/layers/ponds")).isEqualTo(404);
    }

    @Test
    void theApplicationsOwnLayersAndUnknownOnesCannotBeRemovedOverTheApi() throws Exception {
        HttpResponse<String> roads = send(request("/api/layers/roads").DELETE().header("Authorization", "Bearer " + adminToken));
        assertThat(roads.statusCode()).isEqualTo(409);
        assertThat(roads.body()).contains("part of the application");
        assertThat(declare(adminToken, declaration("roads", "道路", "Roads")).statusCode()).isEqualTo(409);

        assertThat(send(request("/api/layers/nothing").DELETE().header("Authorization", "Bearer " + adminToken)).statusCode())
                .isEqualTo(404);
        assertThat(status("/api/layers/roads")).isEqualTo(200);
    }

    @Test
    void onlyAdminsDeclareOrRemoveLayers() throws Exception {
        assertThat(declare(staffToken, declaration("huts", "小屋", "Huts")).statusCode()).isEqualTo(403);
        assertThat(declare(null, declaration("huts", "小屋", "Huts")).statusCode()).isEqualTo(401);
        assertThat(send(request("/api/layers/roads").DELETE().header("Authorization", "Bearer " + staffToken)).statusCode())
                .isEqualTo(403);
        assertThat(send(request("/api/layers/roads").DELETE()).statusCode()).isEqualTo(401);
    }

    private void createTable(String table) {
        jdbc.execute("""
                create table %1$s (
                    id        bigint generated always as identity primary key,
                    name      text,
                    depth_m   numeric,
                    geom      geometry(Point, 6668) not null,
                    geom_3857 geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored
                );
                create index %1$s_geom_idx on %1$s using gist (geom);
                create index %1$s_geom_3857_idx on %1$s using gist (geom_3857)""".formatted(table));
    }

    private static String declaration(String id, String ja, String en) {
        return """
                id: %1$s
                title: {ja: %2$s, en: %3$s}
                table: %1$s
                geometry: {column: geom, kind: Point, srid: 6668}
                access: public
                licence: {id: CC-BY-4.0, title: {ja: CC BY 4.0, en: CC BY 4.0}, url: https://creativecommons.org/licenses/by/4.0/}
                themes: [ENVI]
                attributes:
                  - {name: name, type: text, label: {ja: 名称, en: Name}}
                  - {name: depth_m, type: decimal, label: {ja: 深さ, en: Depth}}
                """.formatted(id, ja, en);
    }

    private HttpResponse<String> declare(String token, String declaration) throws Exception {
        HttpRequest.Builder request = request("/api/layers").POST(BodyPublishers.ofString(declaration))
                .header("Content-Type", "application/yaml");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private List<String> layerIds() throws Exception {
        List<String> ids = new ArrayList<>();
        json.readTree(body("/api/layers")).path("layers").forEach(layer -> ids.add(layer.path("id").asText()));
        return ids;
    }

    private String title(String id) throws Exception {
        return json.readTree(body("/api/layers/" + id)).path("title").path("ja").asText();
    }

    private List<JsonNode> versions(String id) throws Exception {
        List<JsonNode> versions = new ArrayList<>();
        json.readTree(body("/data/" + id + "/versions")).path("versions").forEach(versions::add);
        return versions;
    }

    private int status(String path) throws Exception {
        return send(request(path)).statusCode();
    }

    private String body(String path) throws Exception {
        HttpResponse<String> response = send(request(path));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("chizu-layers");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
