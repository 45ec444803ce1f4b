package org.chizu.opendata.cql2;

import java.util.List;
import java.util.Objects;

/**
 * A parsed CQL2 filter (OGC 21-065), the same tree whether it came as text or as JSON. Every node
 * keeps where it came from ({@code at}: "character 17" of the text or a JSON pointer), so that a
 * later error, such as an unknown property, still says where it is.
 */
public final class Cql2 {

    /** How deep operations may nest: far beyond any real filter, well short of the stack's end. */
    public static final int MAX_DEPTH = 100;

    private Cql2() {
    }

    /** A boolean expression. */
    public sealed interface Predicate permits And, Or, Not, Comparison, Like, In, Between, IsNull, Spatial, Temporal {
        String at();
    }

    /** A value: a property, a literal or a function of literals. */
    public sealed interface Operand permits Property, Literal, DateLiteral, TimestampLiteral, Interval, Geometry {
        String at();
    }

    public record And(List<Predicate> args, String at) implements Predicate {
        public And {
            args = List.copyOf(args);
        }
    }

    public record Or(List<Predicate> args, String at) implements Predicate {
        public Or {
            args = List.copyOf(args);
        }
    }

    public record Not(Predicate arg, String at) implements Predicate {
    }

    /** {@code =, <>, <, <=, >, >=}. */
    public record Comparison(String op, Operand left, Operand right, String at) implements Predicate {
        public Comparison {
            if (!List.of("=", "<>", "<", "<=", ">", ">=").contains(op)) {
                throw new IllegalArgumentException("not a comparison: " + op);
            }
        }
    }

    /** {@code value LIKE pattern}: % any characters, _ one character, \ escapes. */
    public record Like(Operand value, Operand pattern, String at) implements Predicate {
    }

    public record In(Operand value, List<Operand> list, String at) implements Predicate {
        public In {
            list = List.copyOf(list);
        }
    }

    public record Between(Operand value, Operand low, Operand high, String at) implements Predicate {
    }

    public record IsNull(Operand value, String at) implements Predicate {
    }

    /** {@code S_INTERSECTS}, {@code S_WITHIN} … with the function name in lower case. */
    public record Spatial(String op, Operand left, Operand right, String at) implements Predicate {
    }

    /** {@code T_AFTER}, {@code T_BEFORE}, {@code T_DURING}, {@code T_EQUALS}, {@code T_INTERSECTS}, lower case. */
    public record Temporal(String op, Operand left, Operand right, String at) implements Predicate {
    }

    /** A property of the features: an attribute, {@code id}, or the geometry. */
    public record Property(String name, String at) implements Operand {
        public Property {
            Objects.requireNonNull(name, "property name");
        }
    }

    /** A text, a number (Long or BigDecimal) or a boolean. */
    public record Literal(Object value, String at) implements Operand {
        public Literal {
            Objects.requireNonNull(value, "literal value");
        }
    }

    /** {@code DATE('2021-06-15')}, in the years 1 to 9999. */
    public record DateLiteral(java.time.LocalDate date, String at) implements Operand {
        public DateLiteral {
            requireCalendarYear(date.getYear(), date.toString(), at);
        }
    }

    /** {@code TIMESTAMP('2021-06-15T09:00:00Z')}, in the years 1 to 9999 (UTC). */
    public record TimestampLiteral(java.time.Instant instant, String at) implements Operand {
        public TimestampLiteral {
            requireCalendarYear(instant.atOffset(java.time.ZoneOffset.UTC).getYear(), instant.toString(), at);
        }
    }

    /**
     * Dates and times are compared in the database, whose calendar ends long before Java's: a year
     * outside 1 to 9999 is refused here, saying where, rather than by the database.
     */
    private static void requireCalendarYear(int year, String text, String at) {
        if (year < 1 || year > 9999) {
            throw new InvalidFilterException("'" + text + "' is outside the years 1 to 9999", at);
        }
    }

    /**
     * {@code INTERVAL(start, end)}; an open end is null ({@code '..'}).
     *
     * @param start a {@link DateLiteral} or {@link TimestampLiteral}, or null
     * @param end   likewise
     */
    public record Interval(Operand start, Operand end, String at) implements Operand {
    }

    /**
     * A geometry literal, checked by JTS.
     *
     * @param wkt the geometry as well-known text, x first in the filter CRS
     */
    public record Geometry(String wkt, String at) implements Operand {
    }
}
