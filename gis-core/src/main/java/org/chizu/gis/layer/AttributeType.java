package org.chizu.gis.layer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** The value type of a layer attribute, with the PostgreSQL column types that may store it. */
public enum AttributeType {
    TEXT(Set.of("text", "character varying")),
    INTEGER(Set.of("integer", "bigint", "smallint")),
    DECIMAL(Set.of("numeric", "double precision", "real")),
    BOOLEAN(Set.of("boolean")),
    DATE(Set.of("date"));

    private final Set<String> columnTypes;

    AttributeType(Set<String> columnTypes) {
        this.columnTypes = columnTypes;
    }

    /** Whether a column of this information_schema data type can hold the attribute. */
    public boolean storableIn(String columnType) {
        return columnTypes.contains(columnType);
    }

    /**
     * Converts a value read from an input file to this type. Text is trimmed; an empty text is
     * null.
     *
     * @throws IllegalArgumentException with a message fit for the person who made the file
     */
    public Object parse(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String text) {
            text = text.strip();
            if (text.isEmpty()) {
                return null;
            }
            raw = text;
        }
        try {
            return switch (this) {
                case TEXT -> raw.toString();
                case INTEGER -> raw instanceof Number n && !(raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal)
                        ? n.longValue()
                        : new BigDecimal(raw.toString()).longValueExact();
                case DECIMAL -> new BigDecimal(raw.toString());
                case BOOLEAN -> parseBoolean(raw);
                case DATE -> withinCalendar(LocalDate.parse(raw.toString().replace('/', '-')));
            };
        } catch (ArithmeticException | NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + raw + "' is not " + description());
        }
    }

    /**
     * Years 1 to 9999: what a record of a town can mean, and well inside what PostgreSQL stores
     * (whose dates end in the year 5874897, while Java's go on to 999999999).
     */
    private static LocalDate withinCalendar(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("'" + date + "' is outside the years 1 to 9999");
        }
        return date;
    }

    private static Boolean parseBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        return switch (raw.toString().toLowerCase()) {
            case "true", "1", "yes", "y", "t", "○", "〇", "はい" -> true;
            case "false", "0", "no", "n", "f", "×", "いいえ" -> false;
            default -> throw new IllegalArgumentException("'" + raw + "' is not " + BOOLEAN.description());
        };
    }

    /** "an integer", "a date (YYYY-MM-DD)" … for error messages. */
    public String description() {
        return switch (this) {
            case TEXT -> "text";
            case INTEGER -> "an integer";
            case DECIMAL -> "a number";
            case BOOLEAN -> "true or false (1/0)";
            case DATE -> "a date (YYYY-MM-DD)";
        };
    }
}
