package org.chizu.app.backup;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;

/**
 * A PostgreSQL database as JDBC and PostgreSQL's own tools (pg_dump, pg_restore) reach it. Commands
 * connect with plain JDBC, not the application's pool, so that restoring never runs Flyway first.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host[:port]/name[?…]}
 * @param user     its user
 * @param password its password (given to the tools in {@code PGPASSWORD}, never on a command line)
 */
record Database(String jdbcUrl, String user, String password) {

    /** The database the application is configured with ({@code spring.datasource.*}, i.e. {@code CHIZU_DATABASE_*}). */
    static Database configured(Environment environment) {
        return new Database(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The connection options of pg_dump and pg_restore. */
    List<String> toolArguments() {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL with host and database: " + jdbcUrl);
        }
        return List.of("--host=" + uri.getHost(), "--port=" + (uri.getPort() == -1 ? 5432 : uri.getPort()),
                "--username=" + user, "--dbname=" + uri.getPath().substring(1));
    }

    Map<String, String> toolEnvironment() {
        return Map.of("PGPASSWORD", password == null ? "" : password);
    }
}
