package org.chizu.sensors.sta;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.chizu.sensors.SensorsProblem;
import org.chizu.sensors.sta.Navigation.ManyToMany;
import org.chizu.sensors.sta.Navigation.ToMany;
import org.chizu.sensors.sta.Navigation.ToOne;

/**
 * Turns a parsed expression into SQL over one entity type's row (aliased by the caller) with every
 * value a bind parameter; only names from the entity model ever become SQL text. Dynamic values (an
 * Observation's result, a key of {@code properties}) take the type of what they are compared with.
 * A to-one path becomes a scalar subquery. A to-many path (its first step only) to a geometry is the
 * collection of the related geometries (so {@code geo.intersects(Locations/location, …)} finds Things
 * any of whose locations intersect); to another value it is compared as any of them
 * ({@code Datastreams/ObservedProperty/name eq '水位'}). The lambda operators are correlated subqueries:
 * {@code Datastreams/any(d: …)} is EXISTS of a matching datastream, {@code all} is NOT EXISTS of one for
 * which the condition is not true; inside, a path starting with the variable is the member's.
 */
final class FilterCompiler {

    enum Type { NUMBER, TEXT, BOOLEAN, TIME, DATE, GEOMETRY, NULL, DYNAMIC }

    /**
     * Compiled SQL and its parameters in order.
     *
     * @param intervalEnd the end of an interval (compared with lt and le), else null
     * @param dynamic     how a dynamic value reads, else null
     * @param many        whether the text is a subquery of the values of many related entities
     */
    record Sql(String text, List<Object> parameters, Type type, String intervalEnd, Dynamic dynamic, boolean many) {

        Sql(String text, List<Object> parameters, Type type, String intervalEnd, Dynamic dynamic) {
            this(text, parameters, type, intervalEnd, dynamic, false);
        }

        Sql(String text, List<Object> parameters, Type type) {
            this(text, parameters, type, null, null, false);
        }
    }

    /** A dynamic value: a result's number column (null for a JSON value) and its JSON, which holds the parameters. */
    record Dynamic(String number, String json) {
    }

    /** A lambda variable in scope: the entity type of the member it names and that member's alias. */
    private record Variable(EntityType type, String alias) {
    }

    private final String option;
    private final String source;
    private final Predicate<String> validWkt;
    private final Map<String, Variable> variables = new HashMap<>();
    private int aliases;

    /**
     * @param option   the query option the expression came from, named in errors
     * @param source   its text, named in errors
     * @param validWkt whether PostGIS reads a geometry literal's text
     */
    FilterCompiler(String option, String source, Predicate<String> validWkt) {
        this.option = option;
        this.source = source;
        this.validWkt = validWkt;
    }

    /** A condition over the row of {@code type} aliased {@code alias}. */
    Sql condition(Expr expr, EntityType type, String alias) {
        Sql sql = compile(expr, type, alias);
        if (sql.type() != Type.BOOLEAN) {
            throw error(expr.position(), "the expression is not a condition (true or false)");
        }
        return sql;
    }

    /** A sort key; a dynamic value sorts by number and then by its text. */
    List<Sql> orderKey(Expr expr, EntityType type, String alias) {
        Sql sql = compile(expr, type, alias);
        if (sql.type() == Type.GEOMETRY || sql.many()) {
            throw error(expr.position(), sql.many() ? "the values of many entities cannot be sorted by" : "geometries cannot be sorted");
        }
        if (sql.type() == Type.DYNAMIC) {
            return List.of(as(sql, Type.NUMBER, expr.position()), as(sql, Type.TEXT, expr.position()));
        }
        return List.of(sql);
    }

    private Sql compile(Expr expr, EntityType type, String alias) {
        return switch (expr) {
            case Expr.Literal literal -> literal(literal);
            case Expr.Path path -> variablePath(path, type, alias);
            case Expr.Unary unary -> unary(unary, type, alias);
            case Expr.Binary binary -> binary(binary, type, alias);
            case Expr.Call call -> call(call, type, alias);
            case Expr.Lambda lambda -> lambda(lambda, type, alias);
        };
    }

    /** A path from a lambda's variable ({@code d/name}) is the member's; any other is the entity's own. */
    private Sql variablePath(Expr.Path path, EntityType type, String alias) {
        Variable variable = variables.get(path.segments().getFirst());
        if (variable == null) {
            return path(path, path.segments(), type, alias);
        }
        if (path.segments().size() == 1) {
            throw error(path.position(), "'" + path.segments().getFirst() + "' is an entity; name one of its properties, such as "
                    + path.segments().getFirst() + "/id");
        }
        return path(path, path.segments().subList(1, path.segments().size()), variable.type(), variable.alias());
    }

    private Sql lambda(Expr.Lambda lambda, EntityType type, String alias) {
        List<String> collection = lambda.collection();
        Variable outer = variables.get(collection.getFirst());
        EntityType sourceType = outer == null ? type : outer.type();
        List<String> steps = outer == null ? collection : collection.subList(1, collection.size());
        Navigation navigation = steps.size() != 1 ? null : sourceType.navigation(steps.getFirst()).filter(Navigation::toMany).orElse(null);
        if (navigation == null) {
            throw error(lambda.position(), lambda.operator() + "() takes a collection of related entities of the " + sourceType.singular()
                    + ", as in Datastreams/any(d: d/name eq '水位'), not '" + String.join("/", collection) + "'");
        }
        String inner = "f" + (++aliases);
        String members = "(select 1" + related(navigation, inner, outer == null ? alias : outer.alias());
        if (lambda.predicate() == null) {
            return new Sql("exists " + members + ")", List.of(), Type.BOOLEAN);
        }
        if (variables.containsKey(lambda.variable())) {
            throw error(lambda.position(), "the variable '" + lambda.variable() + "' is already in use here; name it differently");
        }
        variables.put(lambda.variable(), new Variable(navigation.target(), inner));
        Sql condition;
        try {
            condition = as(compile(lambda.predicate(), type, alias), Type.BOOLEAN, lambda.predicate().position());
        } finally {
            variables.remove(lambda.variable());
        }
        return lambda.operator().equals("any")
                ? new Sql("exists " + members + " and (" + condition.text() + "))", condition.parameters(), Type.BOOLEAN)
                : new Sql("not exists " + members + " and (" + condition.text() + ") is not true)", condition.parameters(), Type.BOOLEAN);
    }

    private Sql literal(Expr.Literal literal) {
        return switch (literal.type()) {
            case NUMBER -> new Sql("?::float8", List.of(((BigDecimal) literal.value()).doubleValue()), Type.NUMBER);
            case STRING -> new Sql("?::text", List.of(literal.value()), Type.TEXT);
            case BOOLEAN -> new Sql("?::boolean", List.of(literal.value()), Type.BOOLEAN);
            case NULL -> new Sql("null", List.of(), Type.NULL);
            case TIME -> new Sql("?::timestamptz", List.of(((Instant) literal.value()).atOffset(ZoneOffset.UTC)), Type.TIME);
            case DATE -> new Sql("?::date", List.of(literal.value()), Type.DATE);
            case GEOMETRY -> geometryLiteral(literal);
        };
    }

    private Sql geometryLiteral(Expr.Literal literal) {
        String wkt = (String) literal.value();
        if (!validWkt.test(wkt)) {
            throw error(literal.position(), "'" + wkt + "' is not a geometry in WKT (optionally SRID=n;WKT)");
        }
        return wkt.toUpperCase().startsWith("SRID=")
                ? new Sql("st_transform(st_geomfromewkt(?::text), 4326)", List.of(wkt), Type.GEOMETRY)
                : new Sql("st_geomfromtext(?::text, 4326)", List.of(wkt), Type.GEOMETRY);
    }

    private Sql path(Expr.Path expr, List<String> segments, EntityType type, String alias) {
        String first = segments.getFirst();
        List<String> rest = segments.subList(1, segments.size());
        if (first.equals("id") || first.equals("@iot.id")) {
            requireEnd(expr, rest);
            return new Sql(alias + ".id", List.of(), Type.NUMBER);
        }
        var property = type.property(first);
        if (property.isPresent()) {
            return property(expr, property.get(), rest, alias);
        }
        Navigation navigation = type.navigation(first).orElseThrow(() -> error(expr.position(),
                type.singular() + " has no property or navigation '" + first + "'"));
        if (rest.isEmpty()) {
            throw error(expr.position(), "'" + first + "' is an entity; name one of its properties, such as " + first + "/id");
        }
        if (navigation.link() instanceof ToOne one && rest.size() == 1 && (rest.getFirst().equals("id") || rest.getFirst().equals("@iot.id"))) {
            // Datastream/id is the foreign key itself, which the indexes know.
            return new Sql(alias + "." + one.column(), List.of(), Type.NUMBER);
        }
        String inner = "f" + (++aliases);
        Sql value = path(expr, rest, navigation.target(), inner);
        if (value.many()) {
            throw error(expr.position(), "a path may lead to many entities only in its first step, as in Datastreams/ObservedProperty/name");
        }
        String related = related(navigation, inner, alias) + ")";
        if (!navigation.toMany()) {
            return wrap(value, "(select %s" + related, false);
        }
        if (value.type() == Type.GEOMETRY) {
            return wrap(value, "(select st_collect(%s)" + related, false);
        }
        if (value.dynamic() != null || value.type() == Type.BOOLEAN) {
            throw error(expr.position(), "'" + first + "' leads to many entities; compare their names, times, numbers or geometries");
        }
        // Compared as "any of them": Datastreams/ObservedProperty/name eq '水位'.
        return wrap(value, "(select %s" + related, true);
    }

    /** {@code from} the navigation's target aliased {@code inner}, {@code where} it is related to the row aliased {@code alias}. */
    private static String related(Navigation navigation, String inner, String alias) {
        String table = navigation.target().table() + " " + inner;
        return switch (navigation.link()) {
            case ToOne one -> " from " + table + " where " + inner + ".id = " + alias + "." + one.column();
            case ToMany many -> " from " + table + " where " + inner + "." + many.column() + " = " + alias + ".id";
            case ManyToMany both -> " from " + table + " join " + both.table() + " l" + inner + " on l" + inner + "." + both.targetColumn()
                    + " = " + inner + ".id where l" + inner + "." + both.sourceColumn() + " = " + alias + ".id";
        };
    }

    private static Sql wrap(Sql value, String template, boolean many) {
        Dynamic dynamic = value.dynamic() == null ? null : new Dynamic(
                value.dynamic().number() == null ? null : template.formatted(value.dynamic().number()), template.formatted(value.dynamic().json()));
        return new Sql(template.formatted(value.text()), value.parameters(), value.type(),
                value.intervalEnd() == null || many ? null : template.formatted(value.intervalEnd()), dynamic, many);
    }

    private Sql property(Expr.Path expr, Property property, List<String> rest, String alias) {
        String column = alias + "." + property.column();
        if (property.kind() == Property.Kind.JSON) {
            if (rest.isEmpty()) {
                return new Sql(column + "::text", List.of(), Type.TEXT);
            }
            String path = "jsonb_extract_path(" + column + ", " + String.join(", ", rest.stream().map(key -> "?::text").toList()) + ")";
            return new Sql(path, List.copyOf(rest), Type.DYNAMIC, null, new Dynamic(null, path));
        }
        requireEnd(expr, rest);
        return switch (property.kind()) {
            case TEXT -> new Sql(column, List.of(), Type.TEXT);
            case GEOMETRY -> new Sql(column, List.of(), Type.GEOMETRY);
            case TIME -> new Sql(column, List.of(), Type.TIME);
            case INTERVAL -> new Sql(column, List.of(), Type.TIME, "coalesce(" + alias + "." + property.column2() + ", " + column + ")", null);
            case RESULT -> new Sql(column, List.of(), Type.DYNAMIC, null, new Dynamic(column, alias + "." + property.column2()));
            default -> throw new IllegalStateException("unexpected property " + property);
        };
    }

    private void requireEnd(Expr.Path expr, List<String> rest) {
        if (!rest.isEmpty()) {
            throw error(expr.position(), "'" + String.join("/", expr.segments()) + "' goes past a property that has no parts");
        }
    }

    private Sql unary(Expr.Unary unary, EntityType type, String alias) {
        Sql operand = compile(unary.operand(), type, alias);
        if (unary.operator().equals("not")) {
            Sql condition = as(operand, Type.BOOLEAN, unary.operand().position());
            return new Sql("(not " + condition.text() + ")", condition.parameters(), Type.BOOLEAN);
        }
        Sql number = as(operand, Type.NUMBER, unary.operand().position());
        return new Sql("(-" + number.text() + ")", number.parameters(), Type.NUMBER);
    }

    private Sql binary(Expr.Binary binary, EntityType type, String alias) {
        Sql left = compile(binary.left(), type, alias);
        Sql right = compile(binary.right(), type, alias);
        String operator = binary.operator();
        return switch (operator) {
            case "and", "or" -> join(" " + operator + " ", Type.BOOLEAN, as(left, Type.BOOLEAN, binary.left().position()),
                    as(right, Type.BOOLEAN, binary.right().position()));
            case "add", "sub", "mul", "div", "mod" -> arithmetic(operator, as(left, Type.NUMBER, binary.left().position()),
                    as(right, Type.NUMBER, binary.right().position()));
            default -> comparison(binary, left, right);
        };
    }

    private static Sql arithmetic(String operator, Sql left, Sql right) {
        String template = switch (operator) {
            case "add" -> "(%s + %s)";
            case "sub" -> "(%s - %s)";
            case "mul" -> "(%s * %s)";
            // Division by zero answers null rather than failing the whole query.
            case "div" -> "(%s / nullif(%s, 0))";
            default -> "mod((%s)::numeric, nullif(%s, 0)::numeric)::float8";
        };
        List<Object> parameters = new ArrayList<>(left.parameters());
        parameters.addAll(right.parameters());
        return new Sql(template.formatted(left.text(), right.text()), parameters, Type.NUMBER);
    }

    private Sql comparison(Expr.Binary binary, Sql left, Sql right) {
        String operator = binary.operator();
        if (right.type() == Type.NULL || left.type() == Type.NULL) {
            Sql value = right.type() == Type.NULL ? left : right;
            if (value.many()) {
                throw error(binary.position(), "a path to many entities is not compared with null");
            }
            String test = value.dynamic() != null ? nullDynamic(value) : value.text() + " is null";
            return switch (operator) {
                case "eq" -> new Sql("(" + test + ")", value.parameters(), Type.BOOLEAN);
                case "ne" -> new Sql("(not (" + test + "))", value.parameters(), Type.BOOLEAN);
                default -> throw error(binary.position(), "null can only be compared with eq or ne");
            };
        }
        if (left.many() || right.many()) {
            return anyOf(binary, left, right);
        }
        Type common = left.type() == Type.DYNAMIC ? right.type() : left.type();
        if (common == Type.DYNAMIC) {
            common = Type.TEXT;
        }
        if (common == Type.DATE && (left.type() == Type.TIME || right.type() == Type.TIME)) {
            common = Type.TIME;
        }
        if (common == Type.GEOMETRY) {
            throw error(binary.position(), "geometries are compared with functions such as st_equals, not with " + operator);
        }
        String symbol = Map.of("eq", " = ", "ne", " <> ", "gt", " > ", "ge", " >= ", "lt", " < ", "le", " <= ").get(operator);
        Sql byStart = join(symbol, Type.BOOLEAN, as(left, common, binary.left().position()), as(right, common, binary.right().position()));
        if (!before(left, operator) && !before(right, mirror(operator))) {
            return byStart;
        }
        // Before a time means ending before it; the start's test (which it implies) stays, for the indexes and month partitions.
        Sql byEnd = join(symbol, Type.BOOLEAN, as(end(left, operator), common, binary.left().position()),
                as(end(right, mirror(operator)), common, binary.right().position()));
        return join(" and ", Type.BOOLEAN, byStart, byEnd);
    }

    /** A comparison with the values of many related entities holds when it holds for any of them. */
    private Sql anyOf(Expr.Binary binary, Sql left, Sql right) {
        if (left.many() && right.many()) {
            throw error(binary.position(), "two paths to many entities cannot be compared with each other");
        }
        Sql many = left.many() ? left : right;
        Expr manyExpr = left.many() ? binary.left() : binary.right();
        Sql one = as(left.many() ? right : left, many.type(), (left.many() ? binary.right() : binary.left()).position());
        String operator = left.many() ? mirror(binary.operator()) : binary.operator();
        String symbol = Map.of("eq", " = ", "ne", " <> ", "gt", " > ", "ge", " >= ", "lt", " < ", "le", " <= ").get(operator);
        if (many.type() == Type.GEOMETRY) {
            throw error(manyExpr.position(), "geometries are compared with functions such as st_equals");
        }
        List<Object> parameters = new ArrayList<>(one.parameters());
        parameters.addAll(many.parameters());
        return new Sql("(" + one.text() + symbol + "any " + many.text() + ")", parameters, Type.BOOLEAN);
    }

    private static boolean before(Sql sql, String operator) {
        return sql.intervalEnd() != null && (operator.equals("lt") || operator.equals("le"));
    }

    /** An interval is before a time by its end and after it by its start. */
    private static Sql end(Sql sql, String operator) {
        return before(sql, operator) ? new Sql(sql.intervalEnd(), sql.parameters(), sql.type()) : sql;
    }

    private static String mirror(String operator) {
        return switch (operator) {
            case "lt" -> "gt";
            case "le" -> "ge";
            case "gt" -> "lt";
            case "ge" -> "le";
            default -> operator;
        };
    }

    private static String nullDynamic(Sql value) {
        String jsonNull = "(select v is null or v = 'null'::jsonb from (select " + value.dynamic().json() + " as v) j)";
        return value.dynamic().number() == null ? jsonNull : "(" + value.dynamic().number() + " is null and " + jsonNull + ")";
    }

    /** Reads a value as the type asked for, or refuses naming the position. */
    private Sql as(Sql sql, Type wanted, int position) {
        if (sql.many()) {
            throw error(position, "this path leads to many values; compare it directly, as in Datastreams/name eq '水位'");
        }
        if (sql.type() == wanted) {
            return sql;
        }
        if (wanted == Type.TIME && sql.type() == Type.DATE) {
            return new Sql("(" + sql.text() + "::timestamp at time zone 'UTC')", sql.parameters(), Type.TIME);
        }
        if (wanted == Type.DATE && sql.type() == Type.TIME) {
            return new Sql("(" + sql.text() + " at time zone 'UTC')::date", sql.parameters(), Type.DATE);
        }
        if (sql.type() == Type.DYNAMIC) {
            Dynamic dynamic = sql.dynamic();
            // The JSON is named once (it may hold the parameters of a path), typed in a subquery.
            String typed = "(select case when jsonb_typeof(v) = '%s' then (v #>> '{}')::%s end from (select " + dynamic.json() + " as v) j)";
            String text = switch (wanted) {
                case NUMBER -> dynamic.number() != null ? dynamic.number() : typed.formatted("number", "float8");
                case TEXT -> "(" + dynamic.json() + " #>> '{}')";
                case BOOLEAN -> typed.formatted("boolean", "boolean");
                default -> throw error(position, "this value cannot be read as " + article(wanted));
            };
            return new Sql(text, text.equals(dynamic.number()) ? List.of() : sql.parameters(), wanted);
        }
        throw error(position, "expected " + article(wanted) + " but found " + article(sql.type()));
    }

    private static String article(Type type) {
        return switch (type) {
            case NUMBER -> "a number";
            case TEXT -> "text";
            case BOOLEAN -> "a condition";
            case TIME -> "a time";
            case DATE -> "a date";
            case GEOMETRY -> "a geometry";
            case NULL -> "null";
            case DYNAMIC -> "a value";
        };
    }

    private Sql call(Expr.Call call, EntityType type, String alias) {
        List<Sql> arguments = call.arguments().stream().map(argument -> compile(argument, type, alias)).toList();
        String name = call.function();
        Functions.Function function = Functions.get(name).orElseThrow(() -> error(call.position(), "unknown function '" + name + "'"));
        if (!function.takes(arguments.size())) {
            throw error(call.position(), name + " takes " + function.arityText() + " but was given " + arguments.size());
        }
        List<Sql> typed = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            typed.add(as(arguments.get(i), function.argument(i), call.arguments().get(i).position()));
        }
        List<Object> parameters = function.uses(typed.size()).stream().flatMap(use -> typed.get(use).parameters().stream()).toList();
        return new Sql(function.template(typed.size()).formatted(typed.stream().map(Sql::text).toArray()), parameters, function.result());
    }

    private static Sql join(String separator, Type type, Sql left, Sql right) {
        List<Object> parameters = new ArrayList<>(left.parameters());
        parameters.addAll(right.parameters());
        return new Sql("(" + left.text() + separator + right.text() + ")", parameters, type);
    }

    private SensorsProblem error(int position, String message) {
        return FilterParser.problem(option, source, position, message);
    }
}
