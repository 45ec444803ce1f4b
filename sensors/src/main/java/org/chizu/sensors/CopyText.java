package org.chizu.sensors;

/**
 * Rows in the text format of PostgreSQL's COPY: values separated by tabs, null as {@code \N}, and
 * backslash, tab, newline and carriage return in text escaped with a backslash.
 */
final class CopyText {

    private CopyText() {
    }

    /** Appends one row of these values (numbers, instants and text by their {@code toString}, or null). */
    static void row(StringBuilder rows, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                rows.append("\\N");
            } else if (value instanceof String text) {
                escape(rows, text);
            } else {
                rows.append(value);
            }
        }
        rows.append('\n');
    }

    private static void escape(StringBuilder rows, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
