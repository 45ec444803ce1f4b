package org.chizu.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PostgreSQL's client programs: from {@code CHIZU_PG_BIN} (the launcher sets it to its cluster's), else
 * the newest under {@code /usr/lib/postgresql} (pg_dump must be as new as the server), else the PATH.
 */
final class PostgresTools {

    private PostgresTools() {
    }

    static String program(String name) {
        String configured = System.getenv("CHIZU_PG_BIN");
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured, name))) {
            return Path.of(configured, name).toString();
        }
        return newestInstalled(name).map(Path::toString).orElse(name);
    }

    private static Optional<Path> newestInstalled(String name) {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin").resolve(name)).filter(Files::isExecutable);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Runs a program to its end; its output goes to the log file, which the exception quotes on failure. */
    static void run(List<String> command, Map<String, String> environment, Path workDirectory)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDirectory, "tool-", ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(workDirectory.toFile());
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        String said = Files.readString(output).strip();
        Files.delete(output);
        if (exit != 0) {
            throw new IOException(command.getFirst() + " failed (exit " + exit + "): " + said);
        }
    }
}
