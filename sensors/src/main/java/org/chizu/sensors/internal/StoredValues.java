package org.chizu.sensors.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Reads the sensors tables' stored values back: the storage API and the SensorThings API share it. */
public final class StoredValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A result from its number column (a whole number without ".0") or, when that is null, its JSON column. */
    public static JsonNode result(ResultSet row, int numberColumn, int jsonColumn) throws SQLException {
        double number = row.getDouble(numberColumn);
        if (!row.wasNull()) {
            return number == Math.rint(number) && Math.abs(number) < 1e15
                    ? JsonNodeFactory.instance.numberNode((long) number) : JsonNodeFactory.instance.numberNode(number);
        }
        return json(row.getString(jsonColumn));
    }

    /** Stored JSON text as a tree; null as JSON null. */
    public static JsonNode json(String text) {
        try {
            return text == null ? JsonNodeFactory.instance.nullNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read: " + text, e);
        }
    }

    /** A timestamptz column as an instant, or null. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private StoredValues() {
    }
}
