package org.chizu.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One client address may submit only so fast, and only what was filed counts. Reading stays open. */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.reports.rate-limit.burst=2", "chizu.reports.rate-limit.per-hour=1"})
class ReportRateLimitTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusedAttemptsDoNotCountButAThirdFiledReportInABurstIsTooManyRequestsAsProblemJson() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(submit(new MultipartForm().field("category", "pothole").field("description", "穴")).statusCode())
                    .as("a report without its place").isEqualTo(400);
        }
        assertThat(submit().statusCode()).isEqualTo(201);
        assertThat(submit().statusCode()).isEqualTo(201);

        HttpResponse<String> third = submit();

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(third.body()).at("/message/ja").asText()).contains("送信が多すぎます");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/categories")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> submit() throws Exception {
        return submit(new MultipartForm().field("category", "pothole").field("description", "穴")
                .field("lon", "131.8430").field("lat", "34.6714"));
    }

    private HttpResponse<String> submit(MultipartForm form) throws Exception {
        form.field("submissionKey", UUID.randomUUID().toString());
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                .header("Content-Type", form.contentType()).POST(form.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
