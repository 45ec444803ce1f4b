package org.chizu.app.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./chizu restore FILE [--force]}: an archive of {@code ./chizu backup} into an empty database
 * and the data folder, checked against its manifest. {@code --force} replaces what a database holds.
 */
@Component
class RestoreCommand implements ChizuCommand {

    private final Environment environment;
    private final Path home;

    RestoreCommand(Environment environment, @Value("${chizu.home:.chizu}") Path home) {
        this.environment = environment;
        this.home = home;
    }

    @Override
    public List<String> words() {
        return List.of("restore");
    }

    @Override
    public String usage() {
        return "restore FILE [--force]";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        CommandArguments args = new CommandArguments(arguments, Set.of(), Set.of("force"));
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("name the archive to restore");
        }
        try {
            Manifest manifest = Backups.restore(Path.of(args.positional().getFirst()), Database.configured(environment), home,
                    args.flag("force"));
            out.printf("restored the database as of %s (%d tables, rows checked) and %d files (SHA-256 checked)%n",
                    manifest.createdAt(), manifest.tables().size(), manifest.files().size());
            return 0;
        } catch (IllegalStateException refused) {
            System.err.println("restore: " + refused.getMessage());
            return 1;
        }
    }
}
