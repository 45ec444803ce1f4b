package org.chizu.catalog.ckan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parameters of one action call, from a query string (all text) or a JSON body (typed),
 * read the same way. Unusable values are CKAN validation errors naming the parameter.
 */
record ActionParameters(Map<String, ?> values) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ActionParameters {
        values = Map.copyOf(values);
    }

    Optional<String> text(String name) {
        Object value = values.get(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    String required(String name) {
        return text(name).orElseThrow(() -> CkanException.invalid(name, "Missing value"));
    }

    /** A non-negative integer, at most {@code max}; larger values are capped, as CKAN caps rows. */
    int integer(String name, int fallback, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value < 0) {
                throw CkanException.invalid(name, "Must be a natural number");
            }
            return Math.min(value, max);
        } catch (NumberFormatException e) {
            throw CkanException.invalid(name, "Invalid integer");
        }
    }

    boolean flag(String name) {
        return text(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    }

    /** A list given as a JSON list, or as text holding one ({@code facet.field=["tags"]}). */
    List<String> list(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        try {
            return List.of(JSON.readValue(value.toString(), String[].class));
        } catch (JsonProcessingException e) {
            throw CkanException.invalid(name, "Must be a JSON list of field names");
        }
    }
}
