package org.chizu.sensors.sta;

import java.util.List;

/** A parsed $filter or $orderby expression; {@code position} is where it starts in the text (0-based). */
sealed interface Expr {

    int position();

    enum LiteralType { NUMBER, STRING, BOOLEAN, NULL, TIME, DATE, GEOMETRY }

    /** A constant; its value is a BigDecimal, String, Boolean, null, Instant, LocalDate or WKT text. */
    record Literal(LiteralType type, Object value, int position) implements Expr {
    }

    /** A property path such as {@code Datastream/Thing/name} or {@code properties/depth}. */
    record Path(List<String> segments, int position) implements Expr {
    }

    /** A binary operator: eq ne gt ge lt le and or add sub mul div mod. */
    record Binary(String operator, Expr left, Expr right, int position) implements Expr {
    }

    /** {@code not} (boolean) or {@code -} (number). */
    record Unary(String operator, Expr operand, int position) implements Expr {
    }

    record Call(String function, List<Expr> arguments, int position) implements Expr {
    }

    /**
     * A lambda operator over a collection of related entities: {@code Datastreams/any(d: d/name eq '水位')},
     * {@code Datastreams/all(d: …)}, or {@code Datastreams/any()} (there is at least one).
     *
     * @param operator   {@code any} or {@code all}
     * @param collection the path to the collection, which may start with an enclosing lambda's variable
     * @param variable   the name its members go by in the predicate, else null
     * @param predicate  the condition on each member, else null
     */
    record Lambda(String operator, List<String> collection, String variable, Expr predicate, int position) implements Expr {
    }
}
