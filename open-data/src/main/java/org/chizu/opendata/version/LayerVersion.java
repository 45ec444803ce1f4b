package org.chizu.opendata.version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A version of a layer's data: the time of the transaction that produced it. Any instant names
 * the version in force at that instant, so a client may pin either a listed version id or a time.
 *
 * @param time when the version came into force, to the microsecond as PostgreSQL keeps it
 */
public record LayerVersion(Instant time) implements Comparable<LayerVersion> {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    public LayerVersion {
        Objects.requireNonNull(time, "time");
        time = time.truncatedTo(ChronoUnit.MICROS);
    }

    /** The id clients pin: "20261121T120315.123456Z". */
    public String id() {
        return ID.format(time);
    }

    /** The minute, for file names: "20261121T1203Z". */
    public String fileStamp() {
        return FILE_STAMP.format(time);
    }

    /**
     * Reads a version id ("20261121T120315.123456Z") or an ISO-8601 instant ("2026-11-21T12:03:15Z").
     *
     * @throws IllegalArgumentException for anything else
     */
    public static LayerVersion parse(String text) {
        String trimmed = text.strip();
        try {
            return new LayerVersion(ID.parse(trimmed, Instant::from));
        } catch (DateTimeParseException notAnId) {
            try {
                return new LayerVersion(OffsetDateTime.parse(trimmed).toInstant());
            } catch (DateTimeParseException notAnInstant) {
                throw new IllegalArgumentException("version '" + text + "' is neither a version id like "
                        + "20261121T120315.123456Z nor a time like 2026-11-21T12:03:15Z");
            }
        }
    }

    @Override
    public int compareTo(LayerVersion other) {
        return time.compareTo(other.time);
    }
}
