package org.chizu.app.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.chizu.platform.cli.ChizuCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code ./chizu backup FILE}: the database and the data folder's files in one archive, see {@link Backups}. */
@Component
class BackupCommand implements ChizuCommand {

    private final Environment environment;
    private final Path home;

    BackupCommand(Environment environment, @Value("${chizu.home:.chizu}") Path home) {
        this.environment = environment;
        this.home = home;
    }

    @Override
    public List<String> words() {
        return List.of("backup");
    }

    @Override
    public String usage() {
        return "backup FILE";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException("name the archive to write");
        }
        Path archive = Path.of(arguments.getFirst());
        Manifest manifest = Backups.backup(Database.configured(environment), home, archive);
        out.printf("wrote %s: the database as of %s (%d tables, %d rows) and %d files%n", archive, manifest.createdAt(),
                manifest.tables().size(), manifest.tables().values().stream().mapToLong(Long::longValue).sum(),
                manifest.files().size());
        return 0;
    }
}
