package org.chizu.tiles;

import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The disk cache's folder for the database the tiles come from: the configured folder, then one
 * folder per database (its name and the moment its schema was first migrated). Pointing a server
 * at another database, or at a re-created one, therefore never serves tiles rendered from the old
 * data.
 */
final class DatabaseCacheFolder {

    private DatabaseCacheFolder() {
    }

    static Path of(Path configured, JdbcTemplate jdbc) {
        String identity = jdbc.queryForObject("""
                select current_database() || '-' || to_char(min(installed_on), 'YYYYMMDD"T"HH24MISSUS')
                from flyway_schema_history""", String.class);
        return configured.resolve(identity);
    }
}
