package org.chizu.opendata.download;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Chizu server on a random port over a fresh PostGIS database holding the test town,
 * and the clients the tests use on it: plain HTTP and GDAL's command-line tools. Each test class
 * gets its own server and database, since tests change the data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class RunningServer {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.fresh().register(registry);
        Path downloads = Files.createTempDirectory("chizu-downloads-");
        registry.add("chizu.open-data.downloads", downloads::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    protected void loadTown() {
        new ResourceDatabasePopulator(new ClassPathResource("fixtures/town.sql")).execute(jdbc.getDataSource());
    }

    protected HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Downloads a path into a file of the given name and returns the file. */
    protected Path download(String path, Path folder, String fileName) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        Path file = folder.resolve(fileName);
        Files.write(file, response.body());
        return file;
    }

    /** Runs a GDAL tool and returns what it printed on standard output; fails on a non-zero exit. */
    protected static String gdal(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("gdal-", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(errors) + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    protected long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
