package org.chizu.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostGIS database for one test class, inside the throwaway cluster that {@code ./chizu
 * test} starts for the whole run. Each database is copied from a template that already has the
 * PostGIS extension, which takes well under a second; tests never share data. It lives with the
 * platform so that every module's tests, the platform's own included, share one way of getting a
 * database; the platform's tables simply do not use PostGIS.
 *
 * @param url      JDBC URL of the new database
 * @param user     its user
 * @param password its password
 */
public record TestDatabase(String url, String user, String password) {

    private static final String TEMPLATE = "chizu_postgis_template";

    /** Creates an empty database with PostGIS and no schema. */
    public static synchronized TestDatabase fresh() {
        String server = requiredEnv("CHIZU_TEST_DATABASE_URL");
        String user = requiredEnv("CHIZU_TEST_DATABASE_USER");
        String password = requiredEnv("CHIZU_TEST_DATABASE_PASSWORD");
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
             Statement sql = admin.createStatement()) {
            if (!sql.executeQuery("select 1 from pg_database where datname = '" + TEMPLATE + "'").next()) {
                sql.execute("create database " + TEMPLATE);
                try (Connection template = DriverManager.getConnection(server + TEMPLATE, user, password);
                     Statement create = template.createStatement()) {
                    create.execute("create extension postgis");
                }
            }
            sql.execute("create database " + name + " template " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database in " + server + ": " + e.getMessage(), e);
        }
        return new TestDatabase(server + name, user, password);
    }

    /** Creates a database with Chizu's whole schema migrated, as the application would find it. */
    public static TestDatabase migrated() {
        TestDatabase database = fresh();
        Flyway.configure().dataSource(database.dataSource()).load().migrate();
        return database;
    }

    public DataSource dataSource() {
        return new DriverManagerDataSource(url, user, password);
    }

    /**
     * Points a Spring test's application at this database (Flyway migrates it on start) and gives
     * it a data folder of its own, so that file caches never carry over between test classes.
     */
    public void register(DynamicPropertyRegistry registry) {
        Path home = temporaryHome();
        registry.add("chizu.home", home::toString);
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", this::user);
        registry.add("spring.datasource.password", this::password);
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("chizu-test-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with ./chizu test, which starts "
                    + "the PostGIS cluster they need");
        }
        return value;
    }
}
