package org.chizu.opendata;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a catalog may state about a download file built ahead: its exact length and SHA-256. Both
 * describe the bytes a client receives for the same download, since a built file never changes.
 *
 * @param size   the file's length in bytes (not negative)
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
 */
public record BuiltFile(long size, String sha256) {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public BuiltFile {
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0 || !SHA_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a built file has a size of at least 0 and a SHA-256 of 64 hex digits");
        }
    }
}
