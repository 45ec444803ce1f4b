package org.chizu.sensors.sta;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.sensors.SensorsProblem;
import org.chizu.sensors.sta.Expr.LiteralType;

/**
 * Reads the OData expressions of SensorThings' $filter and $orderby into {@link Expr} trees, by
 * recursive descent with OData's precedence (or, and, not, comparison, additive, multiplicative,
 * negation), and the lambda operators {@code any} and {@code all} after a path. A syntax error is a 400 problem naming the query option and the position.
 */
final class FilterParser {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$@][A-Za-z0-9_.@]*");
    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    /** Operators, which are never property names. */
    private static final Set<String> LAMBDAS = Set.of("any", "all");
    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "add", "sub", "mul", "div",
            "mod", "asc", "desc");

    private enum Kind { NAME, STRING, NUMBER, TIME, DATE, GEOMETRY, OPEN, CLOSE, COMMA, SLASH, COLON, MINUS, END }

    private record Token(Kind kind, String text, int position) {
    }

    private final String option;
    private final String text;
    private final List<Token> tokens;
    private int next;

    private FilterParser(String option, String text) {
        this.option = option;
        this.text = text;
        this.tokens = tokenize();
    }

    /** The whole text as one expression. */
    static Expr parse(String option, String text) {
        FilterParser parser = new FilterParser(option, text);
        Expr expr = parser.or();
        parser.expect(Kind.END, "the end of the expression");
        return expr;
    }

    /** {@code expr [asc|desc], …} as $orderby writes it. */
    static List<OrderBy> parseOrder(String option, String text) {
        FilterParser parser = new FilterParser(option, text);
        List<OrderBy> order = new ArrayList<>();
        do {
            Expr expr = parser.or();
            boolean descending = false;
            if (parser.peek().kind() == Kind.NAME && Set.of("asc", "desc").contains(parser.peek().text())) {
                descending = parser.take().text().equals("desc");
            }
            order.add(new OrderBy(expr, descending));
        } while (parser.accept(Kind.COMMA));
        parser.expect(Kind.END, "',' or the end of $orderby");
        return order;
    }

    record OrderBy(Expr expr, boolean descending) {
    }

    private Expr or() {
        Expr left = and();
        while (acceptWord("or")) {
            int at = tokens.get(next - 1).position();
            left = new Expr.Binary("or", left, and(), at);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (acceptWord("and")) {
            int at = tokens.get(next - 1).position();
            left = new Expr.Binary("and", left, not(), at);
        }
        return left;
    }

    private Expr not() {
        if (acceptWord("not")) {
            int at = tokens.get(next - 1).position();
            return new Expr.Unary("not", not(), at);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        if (peek().kind() == Kind.NAME && COMPARISONS.contains(peek().text())) {
            Token operator = take();
            return new Expr.Binary(operator.text(), left, additive(), operator.position());
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().kind() == Kind.NAME && Set.of("add", "sub").contains(peek().text())) {
            Token operator = take();
            left = new Expr.Binary(operator.text(), left, multiplicative(), operator.position());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().kind() == Kind.NAME && Set.of("mul", "div", "mod").contains(peek().text())) {
            Token operator = take();
            left = new Expr.Binary(operator.text(), left, unary(), operator.position());
        }
        return left;
    }

    private Expr unary() {
        if (peek().kind() == Kind.MINUS) {
            Token minus = take();
            return new Expr.Unary("-", unary(), minus.position());
        }
        return primary();
    }

    private Expr primary() {
        Token token = take();
        return switch (token.kind()) {
            case STRING -> new Expr.Literal(LiteralType.STRING, token.text(), token.position());
            case NUMBER -> new Expr.Literal(LiteralType.NUMBER, new BigDecimal(token.text()), token.position());
            case TIME -> new Expr.Literal(LiteralType.TIME, OffsetDateTime.parse(token.text()).toInstant(), token.position());
            case DATE -> new Expr.Literal(LiteralType.DATE, LocalDate.parse(token.text()), token.position());
            case GEOMETRY -> new Expr.Literal(LiteralType.GEOMETRY, token.text(), token.position());
            case OPEN -> {
                Expr inner = or();
                expect(Kind.CLOSE, "')'");
                yield inner;
            }
            case NAME -> {
                if (OPERATORS.contains(token.text())) {
                    throw error(token.position(), "expected a value, a property or a function but found the operator '" + token.text() + "'");
                }
                yield name(token);
            }
            default -> throw error(token.position(), "expected a value, a property or a function but found " + describe(token));
        };
    }

    private Expr name(Token token) {
        switch (token.text()) {
            case "true", "false" -> {
                return new Expr.Literal(LiteralType.BOOLEAN, Boolean.valueOf(token.text()), token.position());
            }
            case "null" -> {
                return new Expr.Literal(LiteralType.NULL, null, token.position());
            }
            default -> {
            }
        }
        if (accept(Kind.OPEN)) {
            List<Expr> arguments = new ArrayList<>();
            if (!accept(Kind.CLOSE)) {
                do {
                    arguments.add(or());
                } while (accept(Kind.COMMA));
                expect(Kind.CLOSE, "',' or ')' after an argument of " + token.text());
            }
            return new Expr.Call(token.text(), arguments, token.position());
        }
        List<String> segments = new ArrayList<>(List.of(token.text()));
        while (accept(Kind.SLASH)) {
            Token step = expect(Kind.NAME, "a property name after '/'");
            if (LAMBDAS.contains(step.text()) && accept(Kind.OPEN)) {
                return lambda(step.text(), segments, token.position());
            }
            segments.add(step.text());
        }
        return new Expr.Path(segments, token.position());
    }

    /** What follows {@code Datastreams/any(}: {@code d: condition)}, or {@code )} alone for any. */
    private Expr lambda(String operator, List<String> collection, int position) {
        if (operator.equals("any") && accept(Kind.CLOSE)) {
            return new Expr.Lambda(operator, collection, null, null, position);
        }
        Token variable = expect(Kind.NAME, "a variable name, as in " + operator + "(d: d/name eq '水位')");
        if (OPERATORS.contains(variable.text()) || Set.of("true", "false", "null").contains(variable.text())) {
            throw error(variable.position(), "'" + variable.text() + "' is a word of the language and cannot name a variable");
        }
        expect(Kind.COLON, "':' after the variable '" + variable.text() + "'");
        Expr predicate = or();
        expect(Kind.CLOSE, "')' after the condition of " + operator);
        return new Expr.Lambda(operator, collection, variable.text(), predicate, position);
    }

    private List<Token> tokenize() {
        List<Token> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = closingQuote(i);
                found.add(new Token(Kind.STRING, text.substring(i + 1, end).replace("''", "'"), i));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                Matcher time = TIME.matcher(text).region(i, text.length());
                Matcher date = DATE.matcher(text).region(i, text.length());
                Matcher number = NUMBER.matcher(text).region(i, text.length());
                Kind kind = time.lookingAt() ? Kind.TIME : date.lookingAt() ? Kind.DATE : Kind.NUMBER;
                Matcher matched = kind == Kind.TIME ? time : kind == Kind.DATE ? date : number;
                matched.lookingAt();
                found.add(new Token(kind, matched.group(), i));
                i = matched.end();
            } else if (NAME.matcher(String.valueOf(c)).matches()) {
                Matcher name = NAME.matcher(text).region(i, text.length());
                name.lookingAt();
                String word = name.group();
                if (Set.of("geography", "geometry").contains(word) && name.end() < text.length() && text.charAt(name.end()) == '\'') {
                    int end = closingQuote(name.end());
                    found.add(new Token(Kind.GEOMETRY, text.substring(name.end() + 1, end), i));
                    i = end + 1;
                } else {
                    found.add(new Token(Kind.NAME, word, i));
                    i = name.end();
                }
            } else {
                Kind kind = switch (c) {
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    case ',' -> Kind.COMMA;
                    case '/' -> Kind.SLASH;
                    case ':' -> Kind.COLON;
                    case '-' -> Kind.MINUS;
                    default -> throw error(i, "unexpected character '" + c + "'");
                };
                found.add(new Token(kind, String.valueOf(c), i));
                i++;
            }
        }
        found.add(new Token(Kind.END, "", text.length()));
        return found;
    }

    private int closingQuote(int open) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw error(open, "the quoted text starting here has no closing quote");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        if (peek().kind() == Kind.NAME && peek().text().equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(Kind kind, String what) {
        if (peek().kind() != kind) {
            throw error(peek().position(), "expected " + what + " but found " + describe(peek()));
        }
        return take();
    }

    private static String describe(Token token) {
        return token.kind() == Kind.END ? "the end" : "'" + token.text() + "'";
    }

    SensorsProblem error(int position, String message) {
        return problem(option, text, position, message);
    }

    /** A 400 naming the query option, the position in it (0-based) and what is wrong there. */
    static SensorsProblem problem(String option, String text, int position, String message) {
        return SensorsProblem.badRequest(option + " at position " + position + ": " + message + ".",
                Map.of("parameter", option, "position", position, "expression", text));
    }
}
