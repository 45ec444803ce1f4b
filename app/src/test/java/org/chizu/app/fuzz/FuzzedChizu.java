package org.chizu.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.reports.open311.Open311ApiKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The whole application on a real port and a database of its own, started once for every fuzz
 * property (jqwik runs outside Spring's test support, and one start takes longer than many tries):
 * central Masuda's roads, water main and boundary ({@code report-town.sql}), a staff account's
 * token and an Open311 key. Stopped when the test JVM ends.
 */
final class FuzzedChizu {

    private static FuzzedChizu running;

    final ConfigurableApplicationContext context;
    final JdbcTemplate jdbc;
    final String staffToken;
    final String open311Key;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private FuzzedChizu() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        // As command-line arguments: they win over application.properties, as DynamicPropertySource does.
        context = new SpringApplicationBuilder(ChizuApplication.class).run(
                "--server.port=0",
                "--chizu.home=" + Files.createTempDirectory("chizu-fuzz-home"),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                // Requests come one at a time; the cached test contexts of other classes hold connections too.
                "--spring.datasource.hikari.maximum-pool-size=4",
                // Thousands of submissions from one address are the point here, not a flood to hold back.
                "--chizu.reports.rate-limit.burst=1000000", "--chizu.reports.rate-limit.per-hour=1000000");
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        DataSource dataSource = context.getBean(DataSource.class);
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        jdbc = new JdbcTemplate(dataSource);
        staffToken = context.getBean(StaffAccounts.class).create("fuzz-officer", Role.STAFF).token().token();
        open311Key = context.getBean(Open311ApiKeys.class).issue("fuzz client");
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }

    static synchronized FuzzedChizu get() throws Exception {
        if (running == null) {
            running = new FuzzedChizu();
        }
        return running;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "application/json, */*"));
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /**
     * The property every fuzzed request must have: a success, or a client error told as
     * problem+json; never a server error.
     */
    static void assertSuccessOrProblem(HttpResponse<String> response) {
        String what = described(response);
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (response.statusCode() >= 400 && !refusedBeforeAnyHandler(response)) {
            assertThat(response.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    /**
     * Undertow refuses a request line or headers longer than Spring Boot's limit
     * ({@code server.max-http-request-header-size}, 64 KB) with an empty 400 while parsing, before any
     * handler could answer in a format of its own (below it Chizu answers 414/431 problem+json). The
     * request's own headers take some of it.
     */
    static boolean refusedBeforeAnyHandler(HttpResponse<String> response) {
        return response.statusCode() == 400 && response.body().isEmpty()
                && response.request().uri().toString().length() > HEADER_LIMIT - 1024;
    }

    private static final int HEADER_LIMIT = 64 * 1024;

    static String described(HttpResponse<String> response) {
        return response.request().method() + " " + abbreviated(response.request().uri().toString()) + " → "
                + response.statusCode() + " " + abbreviated(response.body());
    }

    static String abbreviated(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
