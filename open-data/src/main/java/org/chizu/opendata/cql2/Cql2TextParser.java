package org.chizu.opendata.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.chizu.opendata.query.WktGeometry;

/**
 * Reads CQL2 text (OGC 21-065, {@code filter-lang=cql2-text}) into a {@link Cql2} tree, by
 * recursive descent over the grammar's subset Chizu answers: AND/OR/NOT and parentheses;
 * comparisons; [NOT] LIKE, IN, BETWEEN; IS [NOT] NULL; the spatial functions S_* with WKT and
 * BBOX(…) literals; the temporal functions T_AFTER, T_BEFORE, T_DURING, T_EQUALS and
 * T_INTERSECTS with DATE, TIMESTAMP and INTERVAL literals. Keywords are case-insensitive. Errors
 * name the character offset (from 0) where reading stopped.
 */
public final class Cql2TextParser {

    static final Set<String> SPATIAL = Set.of("s_intersects", "s_within", "s_contains", "s_disjoint", "s_equals",
            "s_touches", "s_crosses", "s_overlaps");
    static final Set<String> TEMPORAL = Set.of("t_after", "t_before", "t_during", "t_equals", "t_intersects");
    private static final Set<String> GEOMETRY_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    private final String text;
    private int pos;
    /** How many parentheses and NOTs enclose the current position, limited to {@link Cql2#MAX_DEPTH}. */
    private int depth;

    private Cql2TextParser(String text) {
        this.text = text;
    }

    /** @throws InvalidFilterException saying what was expected and at which character */
    public static Cql2.Predicate parse(String text) {
        Cql2TextParser parser = new Cql2TextParser(text);
        Cql2.Predicate predicate = parser.orExpression();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + parser.rest() + "' after the end of the expression");
        }
        return predicate;
    }

    private Cql2.Predicate orExpression() {
        String at = here();
        List<Cql2.Predicate> args = new ArrayList<>(List.of(andExpression()));
        while (keyword("OR")) {
            args.add(andExpression());
        }
        return args.size() == 1 ? args.getFirst() : new Cql2.Or(args, at);
    }

    private Cql2.Predicate andExpression() {
        String at = here();
        List<Cql2.Predicate> args = new ArrayList<>(List.of(notExpression()));
        while (keyword("AND")) {
            args.add(notExpression());
        }
        return args.size() == 1 ? args.getFirst() : new Cql2.And(args, at);
    }

    private Cql2.Predicate notExpression() {
        String at = here();
        if (keyword("NOT")) {
            enter(at);
            Cql2.Predicate negated = notExpression();
            depth--;
            return new Cql2.Not(negated, at);
        }
        return primary();
    }

    private void enter(String at) {
        if (++depth > Cql2.MAX_DEPTH) {
            throw new InvalidFilterException("the filter is nested more than " + Cql2.MAX_DEPTH + " deep", at);
        }
    }

    private Cql2.Predicate primary() {
        skipSpace();
        String at = here();
        if (symbol("(")) {
            enter(at);
            Cql2.Predicate inner = orExpression();
            expect(")");
            depth--;
            return inner;
        }
        int start = pos;
        String word = peekWord().toLowerCase(Locale.ROOT);
        if (SPATIAL.contains(word) || TEMPORAL.contains(word)) {
            pos += word.length();
            expect("(");
            Cql2.Operand left = SPATIAL.contains(word) ? spatialOperand() : temporalOperand();
            expect(",");
            Cql2.Operand right = SPATIAL.contains(word) ? spatialOperand() : temporalOperand();
            expect(")");
            return SPATIAL.contains(word) ? new Cql2.Spatial(word, left, right, at) : new Cql2.Temporal(word, left, right, at);
        }
        if (word.startsWith("s_") || word.startsWith("t_") || word.startsWith("a_")) {
            pos = start;
            throw error("the function " + word.toUpperCase(Locale.ROOT) + " is not supported; use "
                    + "S_INTERSECTS, S_WITHIN, S_CONTAINS, S_DISJOINT, S_EQUALS, S_TOUCHES, S_CROSSES, S_OVERLAPS, "
                    + "T_AFTER, T_BEFORE, T_DURING, T_EQUALS or T_INTERSECTS");
        }
        Cql2.Operand left = scalar();
        skipSpace();
        for (String op : List.of("<>", "<=", ">=", "=", "<", ">")) {
            if (symbol(op)) {
                return new Cql2.Comparison(op, left, scalar(), at);
            }
        }
        if (keyword("IS")) {
            boolean negated = keyword("NOT");
            if (!keyword("NULL")) {
                throw error("expected NULL after IS");
            }
            Cql2.Predicate isNull = new Cql2.IsNull(left, at);
            return negated ? new Cql2.Not(isNull, at) : isNull;
        }
        boolean negated = keyword("NOT");
        Cql2.Predicate predicate;
        if (keyword("LIKE")) {
            predicate = new Cql2.Like(left, scalar(), at);
        } else if (keyword("IN")) {
            expect("(");
            List<Cql2.Operand> list = new ArrayList<>(List.of(scalar()));
            while (symbol(",")) {
                list.add(scalar());
            }
            expect(")");
            predicate = new Cql2.In(left, list, at);
        } else if (keyword("BETWEEN")) {
            Cql2.Operand low = scalar();
            if (!keyword("AND")) {
                throw error("expected AND in BETWEEN … AND …");
            }
            predicate = new Cql2.Between(left, low, scalar(), at);
        } else {
            throw error("expected a comparison (=, <>, <, <=, >, >=), LIKE, IN, BETWEEN or IS NULL");
        }
        return negated ? new Cql2.Not(predicate, at) : predicate;
    }

    /** A property, text, number, boolean, DATE(…) or TIMESTAMP(…). */
    private Cql2.Operand scalar() {
        skipSpace();
        String at = here();
        if (pos >= text.length()) {
            throw error("expected a value or a property, but the filter ended");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return new Cql2.Literal(string(), at);
        }
        if (c == '"') {
            return new Cql2.Property(quotedIdentifier(), at);
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return new Cql2.Literal(number(), at);
        }
        String word = peekWord();
        if (word.isEmpty()) {
            throw error("expected a value or a property");
        }
        switch (word.toUpperCase(Locale.ROOT)) {
            case "TRUE", "FALSE" -> {
                pos += word.length();
                return new Cql2.Literal(Boolean.parseBoolean(word.toLowerCase(Locale.ROOT)), at);
            }
            case "DATE", "TIMESTAMP" -> {
                return instant();
            }
            default -> {
                pos += word.length();
                return new Cql2.Property(word, at);
            }
        }
    }

    private Cql2.Operand spatialOperand() {
        skipSpace();
        String at = here();
        String word = peekWord().toUpperCase(Locale.ROOT);
        if (GEOMETRY_TYPES.contains(word)) {
            return geometry();
        }
        if (word.equals("BBOX")) {
            pos += word.length();
            expect("(");
            List<BigDecimal> numbers = new ArrayList<>(List.of(number()));
            while (symbol(",")) {
                numbers.add(number());
            }
            expect(")");
            if (numbers.size() != 4 && numbers.size() != 6) {
                throw new InvalidFilterException("BBOX needs four (or six) numbers", at);
            }
            int half = numbers.size() / 2;
            return new Cql2.Geometry(Cql2Literals.envelope(numbers.get(0).doubleValue(), numbers.get(1).doubleValue(),
                    numbers.get(half).doubleValue(), numbers.get(half + 1).doubleValue(), at), at);
        }
        Cql2.Operand operand = scalar();
        if (!(operand instanceof Cql2.Property)) {
            throw new InvalidFilterException("a spatial function takes properties, geometries (WKT) or BBOX(…)", at);
        }
        return operand;
    }

    private Cql2.Operand temporalOperand() {
        skipSpace();
        String at = here();
        if (peekWord().equalsIgnoreCase("INTERVAL")) {
            pos += "INTERVAL".length();
            expect("(");
            Cql2.Operand start = intervalEnd();
            expect(",");
            Cql2.Operand end = intervalEnd();
            expect(")");
            return new Cql2.Interval(start, end, at);
        }
        Cql2.Operand operand = scalar();
        if (operand instanceof Cql2.Literal) {
            throw new InvalidFilterException("a temporal function takes properties, DATE(…), TIMESTAMP(…) or INTERVAL(…)", at);
        }
        return operand;
    }

    /** An end of INTERVAL(…): DATE/TIMESTAMP, a quoted date or instant, or '..' for open. */
    private Cql2.Operand intervalEnd() {
        skipSpace();
        String at = here();
        if (pos < text.length() && text.charAt(pos) == '\'') {
            String value = string();
            return value.equals("..") ? null : Cql2Literals.instantOrDate(value, at);
        }
        return instant();
    }

    private Cql2.Operand instant() {
        skipSpace();
        String at = here();
        String word = peekWord().toUpperCase(Locale.ROOT);
        if (!word.equals("DATE") && !word.equals("TIMESTAMP")) {
            throw error("expected DATE('…') or TIMESTAMP('…')");
        }
        pos += word.length();
        expect("(");
        skipSpace();
        String valueAt = here();
        if (pos >= text.length() || text.charAt(pos) != '\'') {
            throw error("expected a quoted " + word.toLowerCase(Locale.ROOT));
        }
        String value = string();
        expect(")");
        try {
            return word.equals("DATE") ? new Cql2.DateLiteral(LocalDate.parse(value), at)
                    : new Cql2.TimestampLiteral(Instant.from(OffsetDateTime.parse(value)), at);
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException("'" + value + "' is not a " + (word.equals("DATE")
                    ? "date (YYYY-MM-DD)" : "timestamp (YYYY-MM-DDThh:mm:ssZ)"), valueAt);
        }
    }

    /** A WKT literal: its keyword and balanced parentheses, handed to JTS. */
    private Cql2.Operand geometry() {
        String at = here();
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    break;
                }
                if (depth < 0) {
                    pos--;
                    break;
                }
            } else if (depth == 0 && (c == ',')) {
                pos--;
                break;
            }
        }
        if (depth > 0) {
            throw new InvalidFilterException("the geometry's parentheses are not closed", at);
        }
        String wkt = text.substring(start, pos).strip();
        try {
            WktGeometry.read(wkt);
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException(e.getMessage(), at);
        }
        return new Cql2.Geometry(wkt, at);
    }

    private String string() {
        StringBuilder value = new StringBuilder();
        int start = pos;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        pos = start;
        throw error("the text starting here is not closed with '");
    }

    private String quotedIdentifier() {
        int start = pos;
        int end = text.indexOf('"', pos + 1);
        if (end < 0) {
            throw error("the property name starting here is not closed with \"");
        }
        pos = end + 1;
        return text.substring(start + 1, end);
    }

    private BigDecimal number() {
        skipSpace();
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE".indexOf(text.charAt(pos)) >= 0
                || (pos > start && "+-".indexOf(text.charAt(pos)) >= 0 && "eE".indexOf(text.charAt(pos - 1)) >= 0))) {
            pos++;
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a number");
        }
    }

    /** The identifier-like word at the current position, not consumed. */
    private String peekWord() {
        skipSpace();
        int end = pos;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_:.".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return end > pos && !Character.isDigit(text.charAt(pos)) ? text.substring(pos, end) : "";
    }

    private boolean keyword(String keyword) {
        String word = peekWord();
        if (word.equalsIgnoreCase(keyword)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        skipSpace();
        if (text.startsWith(symbol, pos)) {
            pos += symbol.length();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw error("expected '" + symbol + "'" + (pos < text.length() ? " but found '" + rest() + "'" : " but the filter ended"));
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String here() {
        skipSpace();
        return "character " + pos;
    }

    private String rest() {
        return text.substring(pos, Math.min(text.length(), pos + 20));
    }

    private InvalidFilterException error(String message) {
        return new InvalidFilterException(message, here());
    }
}
