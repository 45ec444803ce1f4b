package org.chizu.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON that booking keeps in its jsonb columns (a fixed quote, a draw's blocked periods): times
 * as ISO strings with their offset kept, so a quote reads back as it was shown.
 */
final class BookingJson {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    private BookingJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("booking's stored JSON is plain data", e);
        }
    }

    /** Reads what {@link #write} wrote; null stays null. */
    static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("booking's stored JSON is what write() wrote", e);
        }
    }
}
