package org.chizu.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.reports.TestPhotos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** /api/reports over real HTTP against the whole application, as the report page and other programs call it. */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiTest {

    static final double LON = 131.8430;
    static final double LAT = 34.67138;

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

    @BeforeAll
    void loadTheTown() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        staffToken = accounts.create("road-officer", Role.STAFF).token().token();
    }

    @Test
    void aPhotoWithGpsExifComesBackWithoutAnyExif() throws Exception {
        byte[] phonePhoto = TestPhotos.jpegWithGps(640, 480, LON, LAT, 1);
        JsonNode receipt = json.readTree(post(form("pothole", "大きな穴").file("photos", "IMG_0001.HEIC", "image/heic", phonePhoto)).body());
        long id = receipt.path("id").asLong();
        staff("PUT", "/staff/api/reports/" + id + "/moderation", "{\"decision\":\"accepted\"}");

        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(uri("/api/reports/" + id + "/photos/1")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.body()).isNotEqualTo(phonePhoto);
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served.body()));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
    }

    @Test
    void aPublicPhotoIsShortLivedInSharedCachesAndOnceModeratedAwayOnlyStaffSeeItNeverStored() throws Exception {
        long id = json.readTree(post(form("pothole", "穴です").file("photos", "hole.jpg", "image/jpeg", TestPhotos.jpeg(400, 300)))
                .body()).path("id").asLong();
        staff("PUT", "/staff/api/reports/" + id + "/moderation", "{\"decision\":\"accepted\"}");

        for (String photo : new String[] {"/photos/1", "/photos/1/thumbnail"}) {
            HttpResponse<byte[]> accepted = http.send(HttpRequest.newBuilder(uri("/api/reports/" + id + photo)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.headers().firstValue("Cache-Control")).as(photo).hasValueSatisfying(cache ->
                    assertThat(cache).contains("s-maxage=60").doesNotContain("no-store"));
        }

        staff("PUT", "/staff/api/reports/" + id + "/moderation", "{\"decision\":\"rejected\"}");

        assertThat(http.send(HttpRequest.newBuilder(uri("/api/reports/" + id + "/photos/1")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        for (String photo : new String[] {"/photos/1", "/photos/1/thumbnail"}) {
            HttpResponse<byte[]> staffOnly = http.send(HttpRequest.newBuilder(uri("/api/reports/" + id + photo))
                    .header("Authorization", "Bearer " + staffToken).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(staffOnly.statusCode()).isEqualTo(200);
            assertThat(staffOnly.headers().firstValue("Cache-Control")).as(photo).hasValue("no-store");
        }
    }

    @Test
    void aDamagedPhotoIsRefusedNamingWhichPhotoItIs() throws Exception {
        byte[] whole = TestPhotos.jpeg(600, 400);

        HttpResponse<String> response = post(form("pothole", "穴").file("photos", "a.jpg", "image/jpeg", whole)
                .file("photos", "b.jpg", "image/jpeg", java.util.Arrays.copyOf(whole, whole.length / 2)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:chizu:problem:photo-unreadable");
        assertThat(problem.path("photo").asInt()).isEqualTo(2);
        assertThat(problem.at("/message/ja").asText()).startsWith("写真 2 ");
    }

    @Test
    void aPlusOneTakesOnlyAnEmailAddressTheFormWouldTake() throws Exception {
        long id = json.readTree(post(form("pothole", "大きな穴です")).body()).path("id").asLong();
        staff("PUT", "/staff/api/reports/" + id + "/moderation", "{\"decision\":\"accepted\"}");

        for (String email : new String[] {"bad", "a".repeat(10_000) + "@example.jp"}) {
            HttpResponse<String> refused = support(id, email);
            assertThat(refused.statusCode()).as(email.length() + " characters").isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json.readTree(refused.body()).path("field").asText()).isEqualTo("email");
        }
        HttpResponse<String> formRefused = post(form("pothole", "穴").field("email", "bad"));
        assertThat(formRefused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(formRefused.body()).path("field").asText()).isEqualTo("email");

        HttpResponse<String> followed = support(id, " resident@example.jp ");
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
        assertThat(json.readTree(followed.body()).path("supporters").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> support(long id, String email) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/reports/" + id + "/supporters"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReceivedReportNamesItsRoadAndBodyAndThePublicNeverSeesTheReporter() throws Exception {
        HttpResponse<String> response = post(form("pothole", "段差で転びそうです")
                .field("name", "山田花子").field("email", "hanako@example.jp")
                .file("photos", "hole.jpg", "image/jpeg", TestPhotos.jpeg(400, 300)));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode receipt = json.readTree(response.body());
        assertThat(receipt.path("routeNo").asText()).isEqualTo("M-101");
        assertThat(receipt.at("/body/ja").asText()).isEqualTo("建設部 道路河川課");
        assertThat(receipt.path("photos").asInt()).isEqualTo(1);
        long id = receipt.path("id").asLong();

        assertThat(get("/api/reports/" + id).statusCode()).as("not public before moderation").isEqualTo(404);
        staff("PUT", "/staff/api/reports/" + id + "/moderation", "{\"decision\":\"accepted\"}");
        String publicView = get("/api/reports/" + id).body();
        assertThat(publicView).contains("段差で転びそうです").doesNotContain("山田花子", "hanako@example.jp", "token");
        assertThat(staff("GET", "/staff/api/reports/" + id, null).body()).contains("山田花子", "hanako@example.jp");
    }

    @Test
    void anEmptyDescriptionIsAProblemJsonInJapaneseAndEnglish() throws Exception {
        HttpResponse<String> response = post(form("pothole", " "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.at("/message/ja").asText()).isEqualTo("状況を入力してください。");
        assertThat(problem.path("detail").asText()).contains("description is empty");
    }

    @Test
    void aFileThatIsNoPhotoIsRefusedWhateverItsName() throws Exception {
        HttpResponse<String> response = post(form("pothole", "写真つき")
                .file("photos", "photo.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes()));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("urn:chizu:problem:photo-type");
    }

    @Test
    void aPinOutsideTheMunicipalityIsRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> response = post(new MultipartForm().field("category", "pothole").field("description", "穴")
                .field("lon", "132.08").field("lat", "34.90").field("submissionKey", UUID.randomUUID().toString()));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).at("/message/ja").asText()).contains("市の区域外");
    }

    @Test
    void theCategoriesSayInWordsWhatAPinIsMatchedToWithoutNamingTheStaffOnlyPipesLayer() throws Exception {
        HttpResponse<String> categories = get("/api/reports/categories");

        assertThat(categories.body()).doesNotContain("water_pipes");
        JsonNode leak = StreamSupport.stream(json.readTree(categories.body()).path("categories").spliterator(), false)
                .filter(category -> category.path("code").asText().equals("water_leak")).findFirst().orElseThrow();
        assertThat(leak.path("snapsTo").path("ja").asText()).isEqualTo("水道管");
        assertThat(leak.path("snapsTo").path("en").asText()).isEqualTo("water pipes");
    }

    @Test
    void aStaffNoteIsKeptWithItsAuthorAndTimeAuditedAndNeverShownOutsideTriage() throws Exception {
        JsonNode receipt = json.readTree(post(form("pothole", "深い穴です").field("email", "hanako@example.jp")).body());
        long id = receipt.path("id").asLong();
        staff("PUT", "/staff/api/reports/" + id + "/moderation", "{\"decision\":\"accepted\"}");
        staff("PUT", "/staff/api/reports/" + id + "/status", "{\"status\":\"in_progress\",\"note\":\"補修を手配しました。\"}");

        JsonNode notes = json.readTree(staff("POST", "/staff/api/reports/" + id + "/notes",
                "{\"text\":\"  #12 と同じ穴。業者（山陰舗装）に電話済み  \"}").body());

        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.path("text").asText()).isEqualTo("#12 と同じ穴。業者（山陰舗装）に電話済み");
            assertThat(note.path("writtenBy").asText()).isEqualTo("road-officer");
            assertThat(note.path("at").asText()).endsWith("+09:00");
        });
        staff("POST", "/staff/api/reports/" + id + "/notes", "{\"text\":\"現地確認：幅40cm\"}");
        assertThat(json.readTree(staff("GET", "/staff/api/reports/" + id + "/notes", null).body()).findValuesAsText("text"))
                .containsExactly("#12 と同じ穴。業者（山陰舗装）に電話済み", "現地確認：幅40cm");
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "select actor from audit_log where action = 'report.staff-note' and target = ?", String.class, "report " + id))
                .containsExactly("road-officer", "road-officer");

        // What the public, the resident and Open311 clients see carries the public note only.
        for (String path : List.of("/api/reports/" + id, "/api/reports/follow/" + receipt.path("token").asText(),
                "/open311/v2/requests/" + id + ".json?extensions=true", "/api/reports/nearby?category=pothole&lon=" + LON + "&lat=" + LAT)) {
            HttpResponse<String> seen = get(path);
            assertThat(seen.statusCode()).as(path).isEqualTo(200);
            assertThat(seen.body()).as(path).contains("補修を手配しました。").doesNotContain("山陰舗装", "幅40cm");
        }
        assertThat(get("/staff/api/reports/" + id + "/notes").statusCode()).as("the public cannot read them").isEqualTo(401);
    }

    @Test
    void anEmptyOrOverlongStaffNoteOrOneOnAnUnknownReportIsAProblem() throws Exception {
        long id = json.readTree(post(form("pothole", "穴")).body()).path("id").asLong();
        assertProblem(staffAnswer("POST", "/staff/api/reports/" + id + "/notes", "{\"text\":\"  \"}"), "note is empty");
        assertProblem(staffAnswer("POST", "/staff/api/reports/" + id + "/notes", "{\"text\":\"" + "あ".repeat(2001) + "\"}"),
                "at most 2000");
        assertThat(staffAnswer("POST", "/staff/api/reports/99999999/notes", "{\"text\":\"メモ\"}").statusCode()).isEqualTo(404);
        assertThat(staffAnswer("GET", "/staff/api/reports/99999999/notes", null).statusCode()).isEqualTo(404);
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from report_staff_note where report_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void thePublicCannotUseTheStaffTriageApi() throws Exception {
        assertThat(get("/staff/api/reports").statusCode()).isEqualTo(401);
    }

    @Test
    void staffSeeNewReportsAtOnceAndTheNearbyListShowsOnlyAcceptedOpenOnes() throws Exception {
        long id = json.readTree(post(form("street_light", "点滅しています")).body()).path("id").asLong();

        JsonNode waiting = json.readTree(staff("GET", "/staff/api/reports?moderation=new&category=street_light", null).body());
        assertThat(waiting.path("reports").findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(get("/api/reports/nearby?category=street_light&lon=" + LON + "&lat=" + LAT).body()).doesNotContain("点滅しています");

        staff("PUT", "/staff/api/reports/" + id + "/moderation", "{\"decision\":\"accepted\"}");
        JsonNode nearby = json.readTree(get("/api/reports/nearby?category=street_light&lon=" + LON + "&lat=" + LAT).body());
        assertThat(nearby.at("/reports/0/report/id").asLong()).isEqualTo(id);
        assertThat(nearby.at("/reports/0/metres").asLong()).isLessThan(30);
    }

    @Test
    void malformedSubmissionsAreProblemsNamingTheFieldNeverServerErrors() throws Exception {
        assertProblem(post(form("pothole", "穴が\0あります")), "description");
        assertProblem(post(form("pothole", "穴").field("name", "\0")), "name");
        assertProblem(http.send(HttpRequest.newBuilder(uri("/api/reports/1/supporters?email=a%00@example.jp"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()), "email");
        HttpResponse<String> note = http.send(HttpRequest.newBuilder(uri("/staff/api/reports/1/status"))
                .header("Authorization", "Bearer " + staffToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"in_progress\",\"note\":\"a\\u0000b\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(note, "/note");
        String unclosed = "--b\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\npothole\r\n";
        assertProblem(raw("multipart/form-data; boundary=b", unclosed), "multipart");
        assertProblem(raw("multipart/form-data; boundary=", unclosed), "multipart");
        assertProblem(raw("multipart/form-data", unclosed), "multipart");
        HttpResponse<String> open311 = http.send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString(unclosed)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(open311.statusCode()).as(open311.body()).isEqualTo(400);
        assertThat(open311.body()).as("an Open311 error naming the missing boundary").contains("\"code\":400", "boundary");
    }

    private HttpResponse<String> raw(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/reports")).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, String naming) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains(naming);
    }

    MultipartForm form(String category, String description) {
        return new MultipartForm().field("category", category).field("description", description)
                .field("lon", String.valueOf(LON)).field("lat", String.valueOf(LAT))
                .field("submissionKey", UUID.randomUUID().toString());
    }

    HttpResponse<String> post(MultipartForm form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/reports")).header("Content-Type", form.contentType())
                .header("Accept", "application/json").POST(form.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> staff(String method, String path, String jsonBody) throws Exception {
        HttpResponse<String> response = staffAnswer(method, path, jsonBody);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response;
    }

    HttpResponse<String> staffAnswer(String method, String path, String jsonBody) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + staffToken)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
