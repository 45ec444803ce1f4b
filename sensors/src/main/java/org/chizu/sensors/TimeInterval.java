package org.chizu.sensors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A SensorThings time: an instant ({@code end} null) or an interval {@code start/end} with start not
 * after end.
 *
 * @param start when it began, never null
 * @param end   when it ended, or null for an instant
 */
public record TimeInterval(Instant start, Instant end) {

    public TimeInterval {
        if (start == null) {
            throw new IllegalArgumentException("a time needs its start");
        }
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("the interval " + start + "/" + end + " ends before it starts");
        }
    }

    public static TimeInterval at(Instant instant) {
        return new TimeInterval(instant, null);
    }

    /**
     * Reads ISO 8601 as SensorThings writes it: {@code 2026-12-08T09:00:00Z} or
     * {@code 2026-12-08T09:00:00Z/2026-12-08T10:00:00+09:00}.
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static TimeInterval parse(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? at(instant(text)) : new TimeInterval(instant(text.substring(0, slash)), instant(text.substring(slash + 1)));
    }

    /** Reads one ISO 8601 date-time with its offset. */
    public static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 time with an offset, such as 2026-12-08T09:00:00Z");
        }
    }

    /** The end, or the start of an instant: the latest moment the time covers. */
    public Instant last() {
        return end == null ? start : end;
    }

    @Override
    public String toString() {
        return end == null ? start.toString() : start + "/" + end;
    }
}
