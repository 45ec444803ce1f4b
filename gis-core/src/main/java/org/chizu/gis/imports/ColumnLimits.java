package org.chizu.gis.imports;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.chizu.gis.layer.Layer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the columns of a layer's table can hold beyond the attribute's type: an {@code integer}
 * column's range, a {@code numeric(p, s)} column's digits, a {@code varchar(n)} column's length,
 * and text without NUL, which PostgreSQL cannot store. Checked on every value before it is staged,
 * so that a value the database would refuse is reported at its line and field rather than failing
 * the statement that stores it.
 */
final class ColumnLimits {

    /** PostgreSQL's own limit on an unconstrained numeric: digits before the decimal point. */
    private static final int NUMERIC_MAX_INTEGER_DIGITS = 131072;
    /** More than any measurement needs, and within what every numeric column type can be sent. */
    private static final int MAX_FRACTION_DIGITS = 1000;

    private record Column(String type, Integer maxLength, Integer precision, Integer scale) {
    }

    private final Map<String, Column> columns = new HashMap<>();

    ColumnLimits(JdbcTemplate jdbc, Layer layer) {
        jdbc.query("""
                select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
                from information_schema.columns
                where table_schema = current_schema() and table_name = ?""", rs -> {
            columns.put(rs.getString(1), new Column(rs.getString(2), (Integer) rs.getObject(3),
                    (Integer) rs.getObject(4), (Integer) rs.getObject(5)));
        }, layer.table());
    }

    /**
     * Checks a value already converted to its attribute's type.
     *
     * @throws IllegalArgumentException saying what the column cannot hold, fit for the person who made the file
     */
    void check(String column, Object value) {
        Column limits = columns.get(column);
        if (value instanceof String text) {
            if (text.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("holds a NUL character (U+0000), which text may not hold");
            }
            if (limits != null && limits.maxLength() != null && text.codePointCount(0, text.length()) > limits.maxLength()) {
                throw new IllegalArgumentException("is longer than the " + limits.maxLength() + " characters the column holds");
            }
        }
        if (limits == null) {
            return;
        }
        if (value instanceof Long number) {
            long[] range = switch (limits.type()) {
                case "smallint" -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
                case "integer" -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
                default -> null;
            };
            if (range != null && (number < range[0] || number > range[1])) {
                throw new IllegalArgumentException("'" + number + "' is beyond the column's range (" + limits.type() + ": "
                        + range[0] + " to " + range[1] + ")");
            }
        }
        if (value instanceof BigDecimal number) {
            checkDecimal(limits, number);
        }
    }

    private static void checkDecimal(Column limits, BigDecimal number) {
        if (number.scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("has more than " + MAX_FRACTION_DIGITS + " digits after the decimal point");
        }
        long integerDigits = Math.max(0, (long) number.precision() - number.scale());
        boolean fits = switch (limits.type()) {
            case "numeric" -> limits.precision() == null ? integerDigits <= NUMERIC_MAX_INTEGER_DIGITS
                    : integerDigits <= limits.precision() - limits.scale();
            case "double precision" -> integerDigits <= 308 && number.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) <= 0;
            case "real" -> integerDigits <= 38 && number.abs().compareTo(BigDecimal.valueOf(Float.MAX_VALUE)) <= 0;
            default -> true;
        };
        if (!fits) {
            String plain = number.toString();
            throw new IllegalArgumentException("'" + (plain.length() > 40 ? plain.substring(0, 40) + "…" : plain)
                    + "' is beyond the column's range (" + describe(limits) + ")");
        }
    }

    private static String describe(Column limits) {
        return "numeric".equals(limits.type()) && limits.precision() != null
                ? "numeric(" + limits.precision() + ", " + limits.scale() + "): at most " + (limits.precision() - limits.scale())
                  + " digits before the decimal point"
                : limits.type();
    }
}
