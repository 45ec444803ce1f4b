package org.chizu.opendata.cql2;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chizu.gis.layer.AttributeType;
import org.chizu.opendata.query.OutputCrs;
import org.chizu.opendata.query.SqlFilter;

/**
 * Translates a {@link Cql2} tree into a parameterised SQL condition on one layer. Only names the
 * registry knows become SQL (quoted); every value is bound. Values are converted to the type of
 * the property they are compared with, so a mistyped value is a 400 naming it rather than a
 * database error.
 */
public final class Cql2Sql {

    private static final Map<String, String> SPATIAL_FUNCTIONS = Map.of(
            "s_intersects", "ST_Intersects", "s_within", "ST_Within", "s_contains", "ST_Contains",
            "s_disjoint", "ST_Disjoint", "s_equals", "ST_Equals", "s_touches", "ST_Touches",
            "s_crosses", "ST_Crosses", "s_overlaps", "ST_Overlaps");

    private final Queryables queryables;
    private final OutputCrs filterCrs;
    private final List<Object> values = new ArrayList<>();

    private Cql2Sql(Queryables queryables, OutputCrs filterCrs) {
        this.queryables = queryables;
        this.filterCrs = filterCrs;
    }

    /**
     * @param filterCrs the CRS of geometry literals, in its axis order
     * @throws InvalidFilterException for an unknown property or a value that does not fit it
     */
    public static SqlFilter translate(Cql2.Predicate predicate, Queryables queryables, OutputCrs filterCrs) {
        Cql2Sql translator = new Cql2Sql(queryables, filterCrs);
        String sql = translator.predicate(predicate);
        return new SqlFilter(sql, translator.values);
    }

    private String predicate(Cql2.Predicate predicate) {
        return switch (predicate) {
            case Cql2.And and -> and.args().stream().map(this::predicate).collect(Collectors.joining(" and ", "(", ")"));
            case Cql2.Or or -> or.args().stream().map(this::predicate).collect(Collectors.joining(" or ", "(", ")"));
            case Cql2.Not not -> "not (" + predicate(not.arg()) + ")";
            case Cql2.Comparison c -> comparison(c.left(), c.op(), c.right());
            case Cql2.Like like -> {
                requireText(like.value());
                requireText(like.pattern());
                yield scalar(like.value(), null) + " like " + scalar(like.pattern(), AttributeType.TEXT);
            }
            case Cql2.In in -> {
                AttributeType type = typeOf(in.value());
                String value = scalar(in.value(), null);
                yield value + " in (" + in.list().stream().map(v -> scalar(v, type)).collect(Collectors.joining(", ")) + ")";
            }
            case Cql2.Between between -> {
                AttributeType type = typeOf(between.value());
                if (type == AttributeType.TEXT || type == AttributeType.BOOLEAN) {
                    throw new InvalidFilterException("BETWEEN needs numbers or dates", between.at());
                }
                yield scalar(between.value(), null) + " between " + scalar(between.low(), type) + " and " + scalar(between.high(), type);
            }
            case Cql2.IsNull isNull -> scalar(isNull.value(), null) + " is null";
            case Cql2.Spatial spatial -> SPATIAL_FUNCTIONS.get(spatial.op()) + "(" + geometry(spatial.left()) + ", "
                    + geometry(spatial.right()) + ")";
            case Cql2.Temporal temporal -> temporal(temporal);
        };
    }

    private String comparison(Cql2.Operand left, String op, Cql2.Operand right) {
        AttributeType leftType = typeOf(left);
        AttributeType rightType = typeOf(right);
        String l = scalar(left, rightType);
        return l + " " + op + " " + scalar(right, leftType);
    }

    /** SQL for a non-geometry operand, its literal converted to {@code expected} when that is known. */
    private String scalar(Cql2.Operand operand, AttributeType expected) {
        return switch (operand) {
            case Cql2.Property p -> {
                Queryables.Column column = column(p);
                if (column.isGeometry()) {
                    throw new InvalidFilterException("the geometry can only be used in spatial functions (S_INTERSECTS …)", p.at());
                }
                yield column.sql();
            }
            case Cql2.Literal literal -> bind(expected == null ? literal.value() : convert(literal, expected));
            case Cql2.DateLiteral date -> {
                requireTemporal(expected, date.at());
                yield bind(date.date());
            }
            case Cql2.TimestampLiteral timestamp -> {
                requireTemporal(expected, timestamp.at());
                yield bind(timestamp.instant());
            }
            case Cql2.Geometry geometry ->
                    throw new InvalidFilterException("a geometry can only be used in spatial functions (S_INTERSECTS …)", geometry.at());
            case Cql2.Interval interval ->
                    throw new InvalidFilterException("an interval can only be used in temporal functions (T_DURING …)", interval.at());
        };
    }

    private static Object convert(Cql2.Literal literal, AttributeType type) {
        Object value = literal.value();
        boolean fits = switch (type) {
            case TEXT -> value instanceof String;
            case INTEGER, DECIMAL -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case DATE -> value instanceof String;
        };
        if (!fits) {
            throw new InvalidFilterException("'" + value + "' is not " + type.description(), literal.at());
        }
        if (type == AttributeType.TEXT) {
            // Compared as written: ' ' is a space, not the "no value" an import reads a blank cell as.
            return value;
        }
        try {
            Object parsed = type.parse(value);
            if (parsed == null) {
                throw new InvalidFilterException("'" + value + "' is not " + type.description(), literal.at());
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException(e.getMessage(), literal.at());
        }
    }

    private static void requireTemporal(AttributeType expected, String at) {
        if (expected != null && expected != AttributeType.DATE) {
            throw new InvalidFilterException("a date or timestamp cannot be compared with " + expected.description(), at);
        }
    }

    private void requireText(Cql2.Operand operand) {
        AttributeType type = typeOf(operand);
        if (type != null && type != AttributeType.TEXT || operand instanceof Cql2.Literal l && !(l.value() instanceof String)) {
            throw new InvalidFilterException("LIKE works on text only", operand.at());
        }
    }

    /** The type of a property operand; null for literals. */
    private AttributeType typeOf(Cql2.Operand operand) {
        return operand instanceof Cql2.Property p ? column(p).type() : null;
    }

    private String geometry(Cql2.Operand operand) {
        return switch (operand) {
            case Cql2.Property p -> {
                Queryables.Column column = column(p);
                if (!column.isGeometry()) {
                    throw new InvalidFilterException("'" + p.name() + "' is not the geometry; spatial functions take '"
                            + Queryables.GEOMETRY + "'", p.at());
                }
                yield column.sql();
            }
            case Cql2.Geometry g -> {
                String literal = "ST_GeomFromText(" + bind(g.wkt()) + ", " + bind(filterCrs.srid()) + ")";
                if (filterCrs.yFirst()) {
                    literal = "ST_FlipCoordinates(" + literal + ")";
                }
                yield "ST_Transform(" + literal + ", " + bind(queryables.layer().geometry().srid()) + ")";
            }
            default -> throw new InvalidFilterException("a spatial function takes the geometry property or a geometry", operand.at());
        };
    }

    /** T_* on an instant property: the property compared with an instant or an interval (ends may be open). */
    private String temporal(Cql2.Temporal temporal) {
        Cql2.Operand left = temporal.left();
        Cql2.Operand right = temporal.right();
        String op = temporal.op();
        if (!(left instanceof Cql2.Property) && right instanceof Cql2.Property) {
            Cql2.Operand swap = left;
            left = right;
            right = swap;
            op = switch (op) {
                case "t_after" -> "t_before";
                case "t_before" -> "t_after";
                case "t_during" -> throw new InvalidFilterException("T_DURING needs the property first and an interval second",
                        temporal.at());
                default -> op;
            };
        }
        if (!(left instanceof Cql2.Property property) || column(property).type() != AttributeType.DATE) {
            throw new InvalidFilterException("a temporal function needs a date property, one of "
                    + dateProperties(), left.at());
        }
        String p = column(property).sql();
        if (right instanceof Cql2.Interval interval) {
            String start = interval.start() == null ? null : scalar(interval.start(), AttributeType.DATE);
            String end = interval.end() == null ? null : scalar(interval.end(), AttributeType.DATE);
            return switch (op) {
                case "t_after" -> end == null ? "false" : p + " > " + end;
                case "t_before" -> start == null ? "false" : p + " < " + start;
                case "t_during" -> bounded(p, start, " > ", end, " < ");
                case "t_intersects" -> bounded(p, start, " >= ", end, " <= ");
                default -> throw new InvalidFilterException(op.toUpperCase() + " of an instant and an interval is not supported",
                        temporal.at());
            };
        }
        if (right instanceof Cql2.Property) {
            throw new InvalidFilterException("temporal functions compare a property with a date, timestamp or interval", right.at());
        }
        String instant = scalar(right, AttributeType.DATE);
        return switch (op) {
            case "t_after" -> p + " > " + instant;
            case "t_before" -> p + " < " + instant;
            case "t_equals", "t_intersects" -> p + " = " + instant;
            default -> throw new InvalidFilterException("T_DURING needs an interval", right.at());
        };
    }

    private static String bounded(String p, String start, String afterStart, String end, String beforeEnd) {
        List<String> conditions = new ArrayList<>();
        if (start != null) {
            conditions.add(p + afterStart + start);
        }
        if (end != null) {
            conditions.add(p + beforeEnd + end);
        }
        return conditions.isEmpty() ? p + " is not null" : "(" + String.join(" and ", conditions) + ")";
    }

    private List<String> dateProperties() {
        return queryables.layer().attributes().stream().filter(a -> a.type() == AttributeType.DATE).map(a -> a.name()).toList();
    }

    private Queryables.Column column(Cql2.Property property) {
        return queryables.column(property.name()).orElseThrow(() -> new InvalidFilterException(
                "layer " + queryables.layer().id() + " has no property '" + property.name() + "'; queryables are "
                        + queryableNames(), property.at()));
    }

    private List<String> queryableNames() {
        List<String> names = new ArrayList<>(List.of(Queryables.ID, Queryables.GEOMETRY));
        queryables.layer().attributes().forEach(a -> names.add(a.name()));
        return names;
    }

    private String bind(Object value) {
        values.add(switch (value) {
            // A whole number of up to 18 digits as a long; 1e20 and longer ones stay numeric.
            case BigDecimal decimal when decimal.scale() <= 0 && decimal.precision() - decimal.scale() < 19 -> decimal.longValueExact();
            case LocalDate date -> date;
            default -> value;
        });
        return "?";
    }
}
