package org.chizu.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One archive (tar) of everything Chizu keeps: a pg_dump of the database (custom format) and the files
 * it writes under its data folder, with a {@link Manifest}. The dump and the row counts are read in one
 * exported snapshot, so the archive holds the database as it was at one instant, however many reports
 * are being filed meanwhile (a report and its photos commit together, so every report acknowledged
 * before then is in it with its photos). Left out of the data folder: the database cluster itself
 * ({@code postgres}), the private MQTT broker's folder ({@code mosquitto}: its users are rewritten from
 * the platform's devices at start, and its queue changes while it runs), caches that are rebuilt
 * ({@code cache}) and logs.
 */
final class Backups {

    static final Set<String> NOT_BACKED_UP = Set.of("postgres", "mosquitto", "cache", "logs");

    private static final String TABLES = """
            select format('%I.%I', n.nspname, c.relname)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
              and not exists (select 1 from pg_depend d
                              where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
            order by 1""";

    /** Drops every schema of the database's own (extensions' objects with them), leaving an empty public schema. */
    private static final String EMPTY_SCHEMAS = """
            do $$
            declare own name;
            begin
                for own in select nspname from pg_namespace
                           where nspname <> 'information_schema' and nspname not like 'pg\\_%' loop
                    execute format('drop schema %I cascade', own);
                end loop;
                create schema public;
            end $$""";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Backups() {
    }

    /** Writes the archive (complete or not at all) and returns its manifest. */
    static Manifest backup(Database database, Path home, Path archive) throws IOException, InterruptedException, SQLException {
        Path stage = Files.createTempDirectory("chizu-backup-");
        try (Connection snapshot = database.connect()) {
            snapshot.setAutoCommit(false);
            Instant createdAt;
            SortedMap<String, Long> tables;
            try (Statement sql = snapshot.createStatement()) {
                sql.execute("set transaction isolation level repeatable read, read only");
                ResultSet exported = sql.executeQuery("select pg_export_snapshot(), now()");
                exported.next();
                String snapshotId = exported.getString(1);
                createdAt = exported.getTimestamp(2).toInstant();
                List<String> command = new ArrayList<>(List.of(PostgresTools.program("pg_dump"), "--format=custom",
                        "--snapshot=" + snapshotId, "--file=" + stage.resolve(Manifest.DUMP)));
                command.addAll(database.toolArguments());
                PostgresTools.run(command, database.toolEnvironment(), stage);
                tables = rowCounts(snapshot);
            }
            snapshot.commit();
            List<Manifest.StoredFile> files = copyFiles(home, stage.resolve(Manifest.FILES), archive);
            Manifest manifest = new Manifest(createdAt, sha256(stage.resolve(Manifest.DUMP)), tables, files);
            JSON.writeValue(stage.resolve(Manifest.NAME).toFile(), manifest);
            Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
            PostgresTools.run(List.of("tar", "-cf", partial.toAbsolutePath().toString(), "-C", stage.toString(),
                    Manifest.NAME, Manifest.DUMP, Manifest.FILES), Map.of(), stage);
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            delete(stage);
        }
    }

    /**
     * Restores an archive into an empty database (or, with {@code force}, over what it holds) and the data
     * folder, then checks rows and files against the manifest.
     *
     * @throws IllegalStateException when the database holds tables and {@code force} is not given, or the
     *                               archive or the result does not match the manifest
     */
    static Manifest restore(Path archive, Database database, Path home, boolean force)
            throws IOException, InterruptedException, SQLException {
        Path stage = Files.createTempDirectory("chizu-restore-");
        try {
            PostgresTools.run(List.of("tar", "-xf", archive.toAbsolutePath().toString(), "-C", stage.toString()),
                    Map.of(), stage);
            Manifest manifest = JSON.readValue(stage.resolve(Manifest.NAME).toFile(), Manifest.class);
            requireSame("the archive's database dump", manifest.dumpSha256(), sha256(stage.resolve(Manifest.DUMP)));
            checkFiles(manifest, stage.resolve(Manifest.FILES), "the archive");
            try (Connection connection = database.connect()) {
                List<String> existing = tables(connection);
                if (!existing.isEmpty() && !force) {
                    throw new IllegalStateException("the database is not empty (" + existing.size() + " tables, such as "
                            + existing.getFirst() + "); restore into an empty database, or add --force to replace what it holds");
                }
            }
            // pg_restore --clean cannot drop what partitioned tables' partitions inherit, so a forced restore
            // empties the database's own schemas first, in the same transaction as the restore: all or nothing.
            Path script = stage.resolve("restore.sql");
            PostgresTools.run(List.of(PostgresTools.program("pg_restore"), "--no-owner", "--file=" + script,
                    stage.resolve(Manifest.DUMP).toString()), Map.of(), stage);
            List<String> command = new ArrayList<>(List.of(PostgresTools.program("psql"), "--no-psqlrc", "--quiet",
                    "--set=ON_ERROR_STOP=1", "--single-transaction"));
            if (force) {
                command.add("--command=" + EMPTY_SCHEMAS);
            }
            command.add("--file=" + script);
            command.addAll(database.toolArguments());
            PostgresTools.run(command, database.toolEnvironment(), stage);
            copyBack(stage.resolve(Manifest.FILES), home);
            try (Connection connection = database.connect()) {
                SortedMap<String, Long> restored = rowCounts(connection);
                manifest.tables().forEach((table, rows) -> requireSame("the rows of " + table, rows, restored.get(table)));
            }
            checkFiles(manifest, home, "the data folder " + home);
            return manifest;
        } finally {
            delete(stage);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet found = sql.executeQuery(TABLES)) {
            while (found.next()) {
                tables.add(found.getString(1));
            }
        }
        return tables;
    }

    /** Rows per table; the names come from the catalog, quoted by {@code format('%I')}. */
    private static SortedMap<String, Long> rowCounts(Connection connection) throws SQLException {
        SortedMap<String, Long> counts = new TreeMap<>();
        for (String table : tables(connection)) {
            try (Statement sql = connection.createStatement(); ResultSet count = sql.executeQuery("select count(*) from " + table)) {
                count.next();
                counts.put(table, count.getLong(1));
            }
        }
        return counts;
    }

    private static List<Manifest.StoredFile> copyFiles(Path home, Path target, Path archive) throws IOException {
        List<Manifest.StoredFile> files = new ArrayList<>();
        Files.createDirectories(target);
        if (!Files.isDirectory(home)) {
            return files;
        }
        Path archiveAbsolute = archive.toAbsolutePath().normalize();
        Files.walkFileTree(home, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                Path relative = home.relativize(directory);
                return relative.getNameCount() == 1 && NOT_BACKED_UP.contains(relative.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (!attributes.isRegularFile() || file.toAbsolutePath().normalize().startsWith(archiveAbsolute)
                        || name.endsWith(".partial")) {
                    return FileVisitResult.CONTINUE;
                }
                String relative = home.relativize(file).toString().replace('\\', '/');
                Path copy = target.resolve(relative);
                Files.createDirectories(copy.getParent());
                try {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException gone) {
                    return FileVisitResult.CONTINUE;   // removed meanwhile (an expired job result, say)
                }
                files.add(new Manifest.StoredFile(relative, Files.size(copy), sha256(copy)));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(Manifest.StoredFile::path));
        return files;
    }

    private static void copyBack(Path files, Path home) throws IOException {
        if (!Files.isDirectory(files)) {
            return;
        }
        try (Stream<Path> all = Files.walk(files)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Path target = home.resolve(files.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void checkFiles(Manifest manifest, Path root, String where) throws IOException {
        for (Manifest.StoredFile file : manifest.files()) {
            Path path = root.resolve(file.path());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(where + " lacks " + file.path());
            }
            requireSame(file.path() + " in " + where, file.sha256(), sha256(path));
        }
    }

    private static void requireSame(String what, Object expected, Object found) {
        if (!expected.equals(found)) {
            throw new IllegalStateException(what + " does not match the manifest: expected " + expected + ", found " + found);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
