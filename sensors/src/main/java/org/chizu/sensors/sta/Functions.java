package org.chizu.sensors.sta;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chizu.sensors.sta.FilterCompiler.Type;

/**
 * The functions SensorThings 1.1 allows in $filter, as SQL templates over their typed arguments
 * (string, date, math and geospatial functions). Times are read in UTC, as they are stored.
 */
final class Functions {

    /**
     * @param template  SQL with {@code %1$s}, {@code %2$s} … for the arguments
     * @param arguments the type of each argument; an optional last one is left out of {@code minimum}
     * @param minimum   how many arguments it needs at least
     */
    record Function(String template, List<Type> arguments, int minimum, Type result) {

        boolean takes(int count) {
            return count >= minimum && count <= arguments.size();
        }

        String arityText() {
            return minimum == arguments.size() ? minimum + " argument(s)" : minimum + " to " + arguments.size() + " arguments";
        }

        Type argument(int index) {
            return arguments.get(index);
        }

        /** The template for this many arguments: a template may hold a shorter form before '|'. */
        String template(int count) {
            if (!template.contains("|")) {
                return template;
            }
            return count < arguments.size() ? template.substring(0, template.indexOf('|')) : template.substring(template.indexOf('|') + 1);
        }

        /** The 0-based arguments in the order the template names them, repeats included (their parameters repeat too). */
        List<Integer> uses(int count) {
            return USE.matcher(template(count)).results().map(use -> Integer.parseInt(use.group(1)) - 1).toList();
        }
    }

    private static final Pattern USE = Pattern.compile("%(\\d)\\$s");
    private static final Map<String, Function> FUNCTIONS = new HashMap<>();

    static {
        List<Type> text = List.of(Type.TEXT);
        List<Type> twoTexts = List.of(Type.TEXT, Type.TEXT);
        define("substringof", "(strpos(%2$s, %1$s) > 0)", twoTexts, Type.BOOLEAN);
        define("contains", "(strpos(%1$s, %2$s) > 0)", twoTexts, Type.BOOLEAN);
        define("startswith", "(left(%1$s, length(%2$s)) = %2$s)", twoTexts, Type.BOOLEAN);
        define("endswith", "(right(%1$s, length(%2$s)) = %2$s)", twoTexts, Type.BOOLEAN);
        define("length", "length(%1$s)::float8", text, Type.NUMBER);
        define("indexof", "(strpos(%1$s, %2$s) - 1)::float8", twoTexts, Type.NUMBER);
        FUNCTIONS.put("substring", new Function("substr(%1$s, (%2$s)::int + 1)|substr(%1$s, (%2$s)::int + 1, (%3$s)::int)",
                List.of(Type.TEXT, Type.NUMBER, Type.NUMBER), 2, Type.TEXT));
        define("tolower", "lower(%1$s)", text, Type.TEXT);
        define("toupper", "upper(%1$s)", text, Type.TEXT);
        define("trim", "trim(%1$s)", text, Type.TEXT);
        define("concat", "(%1$s || %2$s)", twoTexts, Type.TEXT);
        for (String part : List.of("year", "month", "day", "hour", "minute")) {
            define(part, "extract(" + part + " from %1$s at time zone 'UTC')::float8", List.of(Type.TIME), Type.NUMBER);
        }
        define("second", "floor(extract(second from %1$s at time zone 'UTC'))::float8", List.of(Type.TIME), Type.NUMBER);
        define("fractionalseconds", "(extract(second from %1$s) - floor(extract(second from %1$s)))::float8", List.of(Type.TIME), Type.NUMBER);
        define("date", "(%1$s at time zone 'UTC')::date", List.of(Type.TIME), Type.DATE);
        define("totaloffsetminutes", "(0 * extract(epoch from %1$s))::float8", List.of(Type.TIME), Type.NUMBER);
        define("now", "now()", List.of(), Type.TIME);
        define("round", "round(%1$s)", List.of(Type.NUMBER), Type.NUMBER);
        define("floor", "floor(%1$s)", List.of(Type.NUMBER), Type.NUMBER);
        define("ceiling", "ceiling(%1$s)", List.of(Type.NUMBER), Type.NUMBER);
        List<Type> twoGeometries = List.of(Type.GEOMETRY, Type.GEOMETRY);
        define("geo.distance", "st_distance(%1$s, %2$s)", twoGeometries, Type.NUMBER);
        define("geo.length", "st_length(%1$s)", List.of(Type.GEOMETRY), Type.NUMBER);
        define("geo.intersects", "st_intersects(%1$s, %2$s)", twoGeometries, Type.BOOLEAN);
        for (String relation : List.of("equals", "disjoint", "touches", "within", "overlaps", "crosses", "intersects", "contains")) {
            define("st_" + relation, "st_" + relation + "(%1$s, %2$s)", twoGeometries, Type.BOOLEAN);
        }
        define("st_relate", "st_relate(%1$s, %2$s, %3$s)", List.of(Type.GEOMETRY, Type.GEOMETRY, Type.TEXT), Type.BOOLEAN);
    }

    private static void define(String name, String template, List<Type> arguments, Type result) {
        FUNCTIONS.put(name, new Function(template, arguments, arguments.size(), result));
    }

    static Optional<Function> get(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    private Functions() {
    }
}
