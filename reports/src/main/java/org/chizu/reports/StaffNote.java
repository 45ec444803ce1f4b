package org.chizu.reports;

import java.time.OffsetDateTime;

/**
 * A note staff keep on a report for each other, never for the public or the resident (they get
 * the status change's note, a {@link ReportUpdate}).
 *
 * @param id        the note's number
 * @param reportId  the report it is about
 * @param text      what was written
 * @param writtenBy the staff account's sign-in name
 * @param at        when, in Japan's time
 */
public record StaffNote(long id, long reportId, String text, String writtenBy, OffsetDateTime at) {

    /** The longest note kept. */
    public static final int MAX_CHARS = 2000;
}
