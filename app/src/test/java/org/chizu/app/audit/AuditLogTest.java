package org.chizu.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.app.reports.MultipartForm;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.reports.TestPhotos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff actions leave a record of who, what, when and from where, which staff can read at
 * {@code /staff/api/audit} and nobody can change: the table refuses updates, deletes and truncation.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();
    String staffToken;
    String adminToken;

    @BeforeAll
    void aTownWithStaff() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        staffToken = accounts.create("road-officer", Role.STAFF).token().token();
        adminToken = accounts.create("gis-admin", Role.ADMIN).token().token();
    }

    @Test
    void aReportStatusChangeIsRecordedWithWhoWhatAndWhere() throws Exception {
        long report = fileReport();
        send("PUT", "/staff/api/reports/" + report + "/status", staffToken, "{\"status\":\"acknowledged\",\"note\":\"確認しました\"}");

        JsonNode entry = newest("report.status");
        assertThat(entry.path("actor").asText()).isEqualTo("road-officer");
        assertThat(entry.path("target").asText()).isEqualTo("report " + report);
        assertThat(entry.path("address").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(entry.at("/details/from").asText()).isEqualTo("open");
        assertThat(entry.at("/details/to").asText()).isEqualTo("acknowledged");
        assertThat(entry.path("at").asText()).isNotBlank();
    }

    @Test
    void accountAdministrationIsRecordedWithoutSecrets() throws Exception {
        accounts.disable("road-officer");
        accounts.enable("road-officer");

        assertThat(newest("account.enable").path("target").asText()).isEqualTo("account road-officer");
        JsonNode disabled = newest("account.disable");
        assertThat(disabled.path("actor").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(disabled.path("address").asText()).isEqualTo("command line");
        assertThat(newest("account.create").toString()).doesNotContain(staffToken);
    }

    @Test
    void aLayerDeclaredByAnAdminIsRecorded() throws Exception {
        new JdbcTemplate(dataSource).execute("""
                create table audit_wells (
                    id        bigint generated always as identity primary key,
                    name      text,
                    geom      geometry(Point, 6668) not null,
                    geom_3857 geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored
                );
                create index audit_wells_geom_idx on audit_wells using gist (geom);
                create index audit_wells_geom_3857_idx on audit_wells using gist (geom_3857)""");
        HttpResponse<String> declared = send("POST", "/api/layers", adminToken, """
                id: audit_wells
                title: {ja: 井戸, en: Wells}
                table: audit_wells
                geometry: {column: geom, kind: Point, srid: 6668}
                access: staff
                licence: {id: CC-BY-4.0, title: {ja: CC BY 4.0, en: CC BY 4.0}, url: https://creativecommons.org/licenses/by/4.0/}
                themes: [ENVI]
                attributes:
                  - {name: name, type: text, label: {ja: 名称, en: Name}}
                """);
        assertThat(declared.statusCode()).as(declared.body()).isIn(200, 201);

        JsonNode entry = newest("layer.declare");
        assertThat(entry.path("actor").asText()).isEqualTo("gis-admin");
        assertThat(entry.path("target").asText()).isEqualTo("layer audit_wells");
    }

    @Test
    void nobodyCanChangeOrRemoveARecord() {
        JdbcTemplate database = new JdbcTemplate(dataSource);
        database.update("insert into audit_log (actor, address, action, target) values ('x', 'local', 'test.append', 'nothing')");

        assertThatThrownBy(() -> database.update("update audit_log set actor = 'someone else'"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_log is append-only");
        assertThatThrownBy(() -> database.update("delete from audit_log"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_log is append-only");
        assertThatThrownBy(() -> database.execute("truncate audit_log"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("audit_log is append-only");
    }

    @Test
    void onlyStaffReadTheLog() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff/api/audit"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/staff/api/audit?size=0", staffToken, null).statusCode()).isEqualTo(400);
    }

    private JsonNode newest(String action) throws Exception {
        JsonNode page = json.readTree(send("GET", "/staff/api/audit?size=500", staffToken, null).body());
        for (JsonNode entry : page.path("entries")) {
            if (entry.path("action").asText().equals(action)) {
                return entry;
            }
        }
        throw new AssertionError("no " + action + " in " + page);
    }

    private long fileReport() throws Exception {
        MultipartForm form = new MultipartForm().field("category", "pothole").field("description", "穴")
                .field("lon", "131.8430").field("lat", "34.67138").field("submissionKey", UUID.randomUUID().toString())
                .file("photos", "hole.jpg", "image/jpeg", TestPhotos.jpeg(320, 240));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                .header("Content-Type", form.contentType()).header("Accept", "application/json").POST(form.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/yaml");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
