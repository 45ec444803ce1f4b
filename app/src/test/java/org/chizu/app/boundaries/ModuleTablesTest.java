package org.chizu.app.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No module's SQL names another module's tables: each module reads and writes its own tables (those its
 * Flyway migrations create) and reaches the others' data through their published API. Tables behind
 * a declared layer ({@code table:} in any module's {@code layers/*.yml}) are everyone's to read, as the
 * layer registry hands them out. Scanned: the string literals and text blocks of each module's main
 * Java sources, and its {@code .sql} resources (migrations included).
 */
class ModuleTablesTest {

    /** Surefire runs a module's tests in its folder, so the project root is app's parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern CREATES = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+|materialized\\s+)?(table|view|schema)\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?");
    /** A table (or view) named where a statement reads or writes it, optionally with its schema. */
    private static final Pattern NAMES_A_TABLE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|references|alter\\s+table|truncate(?:\\s+table)?)\\s+(?:only\\s+)?"
                    + "(?:\"?(\\w+)\"?\\.)?\"?(\\w+)\"?");
    private static final Pattern LAYER_TABLE = Pattern.compile("(?m)^table:\\s*['\"]?(\\w+)");

    /**
     * Reads of another module's tables that remain, each with why. An entry no longer needed fails the
     * test, so the list only shrinks.
     */
    private static final List<Allowed> ALLOWED = List.of(
            // A one-time move: Open311 keys became API clients of accounts, so accounts' migration
            // copies the keys of reports' old table across and drops it; nothing reads it any more.
            new Allowed(ChizuModule.ACCOUNTS, "open311_api_key", "moves the Open311 keys into API clients once and drops the table"),
            // A one-time move: residents' e-mails went to the platform's outbox, which every module uses, so
            // reports' migration copies its old outbox's messages across and drops it; nothing else names it.
            new Allowed(ChizuModule.REPORTS, "mail_outbox", "moves its waiting e-mails into the platform's outbox once"));

    private record Allowed(ChizuModule module, String table, String reason) {
    }

    /** One statement naming another module's table. */
    record Violation(ChizuModule module, String file, String table, ChizuModule owner) {
        @Override
        public String toString() {
            return module.directory + ": " + file + " names " + table + " (a table of " + owner.directory + ")";
        }
    }

    private static Map<String, ChizuModule> owners;
    private static Set<String> layerTables;

    @BeforeAll
    static void readMigrationsAndLayerDeclarations() {
        owners = new HashMap<>();
        layerTables = new HashSet<>();
        for (ChizuModule module : ChizuModule.values()) {
            Path resources = ROOT.resolve(module.directory).resolve("src/main/resources");
            for (Path migration : files(resources.resolve("db/migration"), ".sql")) {
                Matcher created = CREATES.matcher(withoutSqlComments(read(migration)));
                while (created.find()) {
                    owners.put(created.group(2).toLowerCase(), module);
                }
            }
            for (Path declaration : files(resources.resolve("layers"), ".yml")) {
                LAYER_TABLE.matcher(read(declaration)).results().forEach(table -> layerTables.add(table.group(1).toLowerCase()));
            }
        }
    }

    @Test
    void learnsEachModulesTablesFromItsMigrations() {
        assertThat(owners).containsEntry("municipalities", ChizuModule.GIS_CORE)
                .containsEntry("staff_account", ChizuModule.ACCOUNTS)
                .containsEntry("feature_history", ChizuModule.OPEN_DATA)
                .containsEntry("live_event", ChizuModule.PLATFORM)
                .containsEntry("mail_outbox", ChizuModule.PLATFORM)
                .containsEntry("shelter_opening", ChizuModule.SAFETY)
                .containsEntry("report", ChizuModule.REPORTS)
                .containsEntry("public_reports", ChizuModule.REPORTS)
                .containsEntry("chizu_generalized", ChizuModule.TILE_SERVER);
        assertThat(layerTables).contains("roads", "facilities", "hazard_zones", "forests", "water_pipes", "public_reports")
                .doesNotContain("municipalities");
    }

    @Test
    void aModuleNamesNoOtherModulesTableButTheDeclaredLayers() {
        List<Violation> violations = new ArrayList<>();
        for (ChizuModule module : ChizuModule.values()) {
            Path main = ROOT.resolve(module.directory).resolve("src/main");
            for (Path source : files(main.resolve("java"), ".java")) {
                violations.addAll(violations(module, source, stringLiterals(read(source))));
            }
            for (Path sql : files(main.resolve("resources"), ".sql")) {
                violations.addAll(violations(module, sql, withoutSqlComments(read(sql))));
            }
        }
        List<Violation> unexplained = violations.stream()
                .filter(v -> ALLOWED.stream().noneMatch(a -> a.module() == v.module() && a.table().equals(v.table()))).toList();
        List<Allowed> unused = ALLOWED.stream()
                .filter(a -> violations.stream().noneMatch(v -> a.module() == v.module() && a.table().equals(v.table()))).toList();

        assertThat(unexplained).as("SQL naming another module's tables; use the owner's published API instead").isEmpty();
        assertThat(unused).as("allowances no longer needed: remove them").isEmpty();
    }

    @Test
    void findsATableOfAnotherModuleInATextBlockButNotInAComment() {
        String source = """
                /** Reads from staff_account, in a comment only. */
                class Sneaky {
                    // select * from report
                    String sql = \"""
                            select s.name from roads r
                              join "public".staff_account s on s.id = r.id
                            \""";
                    String other = "delete from " + "report_photo where id = ?";
                }
                """;
        List<Violation> found = violations(ChizuModule.SAFETY, ROOT.resolve("safety/Sneaky.java"), stringLiterals(source));

        assertThat(found).extracting(Violation::table).containsExactly("public.staff_account", "report_photo");
    }

    private static List<Violation> violations(ChizuModule module, Path file, String sql) {
        List<Violation> found = new ArrayList<>();
        Matcher named = NAMES_A_TABLE.matcher(sql);
        while (named.find()) {
            String schema = named.group(1) == null ? null : named.group(1).toLowerCase();
            String table = named.group(2).toLowerCase();
            ChizuModule owner = schema != null && owners.containsKey(schema) ? owners.get(schema) : owners.get(table);
            if (owner != null && owner != module && !layerTables.contains(table)) {
                found.add(new Violation(module, ROOT.relativize(file).toString(), schema == null ? table : schema + "." + table, owner));
            }
        }
        return found;
    }

    /** The contents of a Java source's string literals and text blocks, one a line; comments and code left out. */
    static String stringLiterals(String java) {
        StringBuilder literals = new StringBuilder();
        int i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                i = endOf(java, "\n", i + 2);
            } else if (java.startsWith("/*", i)) {
                i = endOf(java, "*/", i + 2);
            } else if (java.startsWith("\"\"\"", i)) {
                int end = closing(java, "\"\"\"", i + 3);
                literals.append(java, i + 3, end).append('\n');
                i = end + 3;
            } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
                String quote = String.valueOf(java.charAt(i));
                int end = closing(java, quote, i + 1);
                literals.append(java, i + 1, end).append('\n');
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals.toString();
    }

    /** Where an unescaped {@code quote} closes a literal that starts at {@code from}. */
    private static int closing(String java, String quote, int from) {
        int i = from;
        while (i < java.length() && !java.startsWith(quote, i)) {
            i += java.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, java.length());
    }

    private static int endOf(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static List<Path> files(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
