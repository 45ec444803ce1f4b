package org.chizu.app.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While PostgreSQL refuses the application's connections, requests are answered 503 with
 * {@code Retry-After} (problem+json, or Open311's own error body), not 500; once it takes them
 * again, so does the application.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-timeout=1000")
class DatabaseOutageTest {

    static final TestDatabase DATABASE = TestDatabase.fresh();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whileTheDatabaseRefusesConnectionsRequestsAreToldToRetry() throws Exception {
        List<String> paths = List.of("/api/reports/categories", "/api/reports/1", "/open311/v2/requests.json");
        for (String path : paths) {
            assertThat(get(path).statusCode()).as(path).isLessThan(500);
        }
        String name = DATABASE.url().substring(DATABASE.url().lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(DATABASE.url().replace("/" + name, "/postgres"),
                DATABASE.user(), DATABASE.password()); Statement sql = admin.createStatement()) {
            sql.execute("alter database " + name + " allow_connections false");
            sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
            try {
                for (String path : paths) {
                    HttpResponse<String> refused = get(path);
                    assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(503);
                    assertThat(refused.headers().firstValue("Retry-After")).as(path).isPresent();
                }
                assertThat(get(paths.getFirst()).headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            } finally {
                sql.execute("alter database " + name + " allow_connections true");
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(paths.getFirst()).statusCode()).isEqualTo(200));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
