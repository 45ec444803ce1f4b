package org.chizu.sensors.sta;

/**
 * One property of an entity type and where it is stored.
 *
 * @param name     its SensorThings name, such as {@code phenomenonTime}
 * @param kind     how it is stored and written
 * @param column   its column, or the first of two (an interval's start, a result's number)
 * @param column2  the second column of an interval (end) or a result (JSON), else null
 * @param required whether a new entity must have it
 * @param readOnly whether the server keeps it (a datastream's extents)
 */
record Property(String name, Kind kind, String column, String column2, boolean required, boolean readOnly) {

    enum Kind { ID, TEXT, JSON, GEOMETRY, TIME, INTERVAL, RESULT }

    static Property text(String name, String column, boolean required) {
        return new Property(name, Kind.TEXT, column, null, required, false);
    }

    static Property json(String name, String column, boolean required) {
        return new Property(name, Kind.JSON, column, null, required, false);
    }

    static Property geometry(String name, String column, boolean required) {
        return new Property(name, Kind.GEOMETRY, column, null, required, false);
    }

    static Property time(String name, String column, boolean required) {
        return new Property(name, Kind.TIME, column, null, required, false);
    }

    static Property interval(String name, String start, String end) {
        return new Property(name, Kind.INTERVAL, start, end, false, false);
    }

    Property serverKept() {
        return new Property(name, kind, column, column2, false, true);
    }
}
