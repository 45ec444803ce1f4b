package org.chizu.opendata.cql2;

import java.util.List;

import org.chizu.gis.layer.Attribute;

/**
 * The {@code datetime} parameter of OGC API – Features: an instant ("2021-06-15",
 * "2021-06-15T09:00:00Z") or an interval ("2021-01-01/2021-12-31", open ends ".." or empty),
 * matched against the layer's temporal attribute ({@link Queryables#temporal()}).
 */
public final class DatetimeParameter {

    private static final String AT = "datetime";

    private DatetimeParameter() {
    }

    /**
     * @return the condition as a CQL2 T_INTERSECTS, or null when {@code datetime} is null or blank
     * @throws IllegalArgumentException when the layer has no time, or for text that is no instant or interval
     */
    public static Cql2.Predicate parse(String datetime, Queryables queryables) {
        if (datetime == null || datetime.isBlank()) {
            return null;
        }
        Attribute temporal = queryables.temporal().orElseThrow(() -> new IllegalArgumentException(
                "layer " + queryables.layer().id() + " has no date attribute, so datetime cannot select its features"));
        Cql2.Property property = new Cql2.Property(temporal.name(), AT);
        String text = datetime.strip();
        List<String> ends = List.of(text.split("/", -1));
        if (ends.size() > 2) {
            throw new IllegalArgumentException("datetime is an instant or start/end, not '" + datetime + "'");
        }
        Cql2.Operand value = ends.size() == 1 ? end(text)
                : new Cql2.Interval(end(ends.get(0)), end(ends.get(1)), AT);
        if (value == null) {
            throw new IllegalArgumentException("datetime '..' is not an instant");
        }
        return new Cql2.Temporal("t_intersects", property, value, AT);
    }

    private static Cql2.Operand end(String text) {
        String end = text.strip();
        if (end.isEmpty() || end.equals("..")) {
            return null;
        }
        try {
            return Cql2Literals.instantOrDate(end, AT);
        } catch (InvalidFilterException e) {
            throw new IllegalArgumentException("datetime: '" + end + "' is neither a date (YYYY-MM-DD) nor a timestamp "
                    + "(YYYY-MM-DDThh:mm:ssZ)");
        }
    }
}
