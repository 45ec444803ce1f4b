package org.chizu.sensors;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        Instant utc = utcInstant(text);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 time with an offset, such as 2026-12-08T09:00:00Z");
        }
    }

    /**
     * The form devices send nearly always, {@code 2026-12-08T09:00:00Z} with up to nine digits of fraction,
     * read digit by digit: the general parser took a quarter of a dataArray upload's time. Null for any
     * other text (then read by the general parser, which also words the error).
     */
    private static Instant utcInstant(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
            return null;
        }
        try {
            int nanos = fraction * (int) Math.pow(10, 30 - length);
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in text[from, to), or -1 if a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
