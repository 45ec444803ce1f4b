package org.chizu.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A submission is refused at its limits as its bytes arrive, not once they are all in: a photo over
 * 10 MB, a body declared over three photos' worth, one not declaring its size. The proof is how much of the body
 * the client managed to write before the server answered 413 and closed the connection. The
 * server's socket buffer is kept small, as the kernel would otherwise take in megabytes on the
 * server's behalf and blur the measurement.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.undertow.options.socket.RECEIVE_BUFFER=65536")
class ReportUploadLimitTest {

    static final long MB = 1024 * 1024;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPhotoOverItsLimitIsRefusedWhileItArrivesOnTheFormAndOnOpen311() throws Exception {
        for (String path : new String[] {"/api/reports", "/open311/v2/requests.json"}) {
            StreamedUpload upload = report().file("/api/reports".equals(path) ? "photos" : "media", "IMG_0001.jpg", 29 * MB);

            StreamedUpload.Answer answer = upload.post(port, path, true);

            assertThat(answer.status()).as(path + ": " + answer.response()).isEqualTo(413);
            assertThat(answer.response()).contains("application/problem+json", "urn:chizu:problem:photo-too-large", "10 MB");
            assertThat(answer.bodyBytesWritten()).as(path + ": the server stopped reading at the photo's limit")
                    .isLessThan(upload.length() - 10 * MB);
        }
    }

    @Test
    void aSubmissionDeclaredLargerThanAReportCanBeIsRefusedBeforeItsBodyIsSent() throws Exception {
        HttpRequest tooLarge = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                .header("Content-Type", "multipart/form-data; boundary=x").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[40 * 1024 * 1024])).build();

        HttpResponse<String> refused = http.send(tooLarge, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(refused.body()).at("/message/ja").asText()).contains("10 MB");
    }

    @Test
    void aSubmissionThatDoesNotDeclareItsSizeIsRefusedUnread() throws Exception {
        StreamedUpload.Answer answer = report().post(port, "/api/reports", false);

        assertThat(answer.status()).as(answer.response()).isEqualTo(411);
        assertThat(answer.response()).contains("application/problem+json");
    }

    @Test
    void staffImportsKeepTheirLargeLimit() throws Exception {
        String token = accounts.create("importer", Role.STAFF).token().token();
        String boundary = "chizu-" + UUID.randomUUID();
        // A GeoJSON file larger than any photo may be: one shelter, then 12 MB of the blanks JSON allows.
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"shelters.geojson\"\r\n"
                + "Content-Type: application/geo+json\r\n\r\n" + """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"kind": "designated_shelter", "name": "東町集会所", "capacity": 120},
                  "geometry": {"type": "Point", "coordinates": [131.8591, 34.6781]}}]}""" + " ".repeat((int) (12 * MB))
                + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/layers/facilities/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    private static StreamedUpload report() {
        return new StreamedUpload().field("category", "pothole").field("service_code", "pothole").field("description", "穴")
                .field("lon", "131.8430").field("lat", "34.6714").field("long", "131.8430")
                .field("submissionKey", UUID.randomUUID().toString());
    }
}
