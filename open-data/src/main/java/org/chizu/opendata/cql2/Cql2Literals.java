package org.chizu.opendata.cql2;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Literals both CQL2 encodings write the same way: bounding boxes and interval ends. */
final class Cql2Literals {

    private Cql2Literals() {
    }

    /** A BBOX(minx, miny, maxx, maxy) as a WKT polygon. */
    static String envelope(double minX, double minY, double maxX, double maxY, String at) {
        if (minX > maxX || minY > maxY) {
            throw new InvalidFilterException("a bbox must be minx, miny, maxx, maxy with min ≤ max", at);
        }
        return String.format(Locale.ROOT, "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
                minX, minY, maxX, minY, maxX, maxY, minX, maxY, minX, minY);
    }

    /** "2021-06-15" as a date, "2021-06-15T09:00:00Z" as a timestamp. */
    static Cql2.Operand instantOrDate(String text, String at) {
        try {
            return text.length() == 10 ? new Cql2.DateLiteral(LocalDate.parse(text), at)
                    : new Cql2.TimestampLiteral(Instant.from(OffsetDateTime.parse(text)), at);
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException("'" + text + "' is neither a date (YYYY-MM-DD) nor a timestamp "
                    + "(YYYY-MM-DDThh:mm:ssZ) nor '..'", at);
        }
    }
}
