package org.chizu.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, empty PostgreSQL database for one test class in the cluster that {@code ./chizu test}
 * starts. The platform knows no PostGIS, so it does without gis-core's test database (which depends
 * on this module); the application migrates it when it starts.
 */
record EventsDatabase(String url, String user, String password) {

    static EventsDatabase fresh() {
        String server = requiredEnv("CHIZU_TEST_DATABASE_URL");
        String user = requiredEnv("CHIZU_TEST_DATABASE_USER");
        String password = requiredEnv("CHIZU_TEST_DATABASE_PASSWORD");
        String name = "test_events_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
             Statement sql = admin.createStatement()) {
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database in " + server + ": " + e.getMessage(), e);
        }
        return new EventsDatabase(server + name, user, password);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url, user, password));
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with ./chizu test, which starts "
                    + "the PostgreSQL cluster they need");
        }
        return value;
    }
}
