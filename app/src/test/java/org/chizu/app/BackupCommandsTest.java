package org.chizu.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./chizu backup FILE} and {@code ./chizu restore FILE} as the launcher runs them (the command
 * context): a restore into a fresh, empty database works, because the command does not let Flyway
 * create the schema first; a second restore into the same database is refused.
 */
class BackupCommandsTest {

    @TempDir
    Path folder;

    @Test
    void aBackupRestoresIntoAFreshDatabaseAndNotTwice() throws Exception {
        TestDatabase source = TestDatabase.migrated();
        new JdbcTemplate(source.dataSource()).update(
                "insert into audit_log (actor, address, action, target) values ('tanaka', 'local', 'test.backup', 'nothing')");
        Path home = Files.createDirectories(folder.resolve("home"));
        Files.writeString(home.resolve("demo-staff.txt"), "admin\n");
        Path archive = folder.resolve("chizu.tar");
        assertThat(run(List.of("backup", archive.toString()), source, home)).isZero();

        TestDatabase fresh = TestDatabase.fresh();
        Path freshHome = Files.createDirectories(folder.resolve("restored"));
        assertThat(run(List.of("restore", archive.toString()), fresh, freshHome)).isZero();

        assertThat(new JdbcTemplate(fresh.dataSource()).queryForList("select actor from audit_log", String.class)).containsExactly("tanaka");
        assertThat(freshHome.resolve("demo-staff.txt")).hasContent("admin");
        assertThat(run(List.of("restore", archive.toString()), fresh, freshHome)).as("a database that holds tables").isOne();
    }

    private static int run(List<String> words, TestDatabase database, Path home) {
        try (ConfigurableApplicationContext command = ChizuApplication.commandContextFor(words, "--chizu.home=" + home,
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password())) {
            return command.getBean(CommandRunner.class).run(words);
        }
    }
}
