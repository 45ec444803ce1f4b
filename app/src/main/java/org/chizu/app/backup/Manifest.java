package org.chizu.app.backup;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * What a backup holds, written into it as {@code manifest.json} and checked on restore: the database dump
 * with its SHA-256 and the rows of every table as the dump saw them, and every file of the data folder
 * with its size and SHA-256.
 *
 * @param createdAt  when the database's snapshot was taken
 * @param dumpSha256 the SHA-256 of {@value #DUMP} (hex)
 * @param tables     rows per table ({@code schema.table}), counted in the dump's own snapshot
 * @param files      the data folder's files, by path relative to it (with {@code /})
 */
record Manifest(Instant createdAt, String dumpSha256, SortedMap<String, Long> tables, List<StoredFile> files) {

    static final String NAME = "manifest.json";
    static final String DUMP = "database.dump";
    static final String FILES = "files";

    record StoredFile(String path, long bytes, String sha256) {
    }
}
