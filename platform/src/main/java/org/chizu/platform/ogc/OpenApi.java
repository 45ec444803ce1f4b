package org.chizu.platform.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pieces of an OpenAPI 3.0 document that the OGC API's parts describe their operations with, so
 * that every part writes operations, parameters and responses in the same shape.
 */
public final class OpenApi {

    private OpenApi() {
    }

    /**
     * A path item with one GET operation.
     *
     * @param operationId unique in the whole document
     * @param parameters  parameter objects or {@link #ref}s
     * @param responses   by status, from {@link #ok} and {@link #response}
     */
    public static Map<String, Object> get(String operationId, String summary, List<?> parameters, Map<String, Object> responses) {
        Map<String, Object> get = new LinkedHashMap<>();
        get.put("operationId", operationId);
        get.put("summary", summary);
        get.put("parameters", parameters);
        get.put("responses", responses);
        return Map.of("get", get);
    }

    /** A 200 in the given media types (the first the JSON or binary one), then the problems every operation may answer. */
    public static Map<String, Object> ok(String... mediaTypes) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (String type : mediaTypes) {
            content.put(type, Map.of("schema", type.startsWith("text/") ? Map.of("type", "string")
                    : type.contains("json") ? Map.of("type", "object") : Map.of("type", "string", "format", "binary")));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK", "content", content));
        responses.putAll(problems());
        return responses;
    }

    /** A response without a body (204, 304 …). */
    public static Map<String, Object> response(String description) {
        return Map.of("description", description);
    }

    private static Map<String, Object> problems() {
        Map<String, Object> problem = Map.of("application/problem+json", Map.of("schema", Map.of("type", "object")));
        return Map.of("400", Map.of("description", "不正な要求 (Bad request)", "content", problem),
                "404", Map.of("description", "見つかりません (Not found)", "content", problem));
    }

    /** A reference to a parameter of {@code components/parameters}. */
    public static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/parameters/" + name);
    }

    /** An optional query parameter, written {@code name=value} (comma-separated when an array). */
    public static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "query", "required", false, "style", "form", "explode", false,
                "description", description, "schema", schema);
    }

    /** A path parameter ({@code {name}} in the path). */
    public static Map<String, Object> path(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "path", "required", true, "description", description, "schema", schema);
    }
}
