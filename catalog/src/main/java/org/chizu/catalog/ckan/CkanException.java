package org.chizu.catalog.ckan;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error as CKAN's Action API reports it: an HTTP status and an {@code error.__type}
 * ("Not Found Error", "Validation Error", "Bad Request"), optionally with per-field messages.
 */
class CkanException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Map<String, String> fields;

    private CkanException(HttpStatus status, String type, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.type = type;
        this.fields = Map.copyOf(fields);
    }

    static CkanException notFound(String message) {
        return new CkanException(HttpStatus.NOT_FOUND, "Not Found Error", message, Map.of());
    }

    /** A parameter with an unusable value; CKAN answers 409 and names the field. */
    static CkanException invalid(String field, String message) {
        return new CkanException(HttpStatus.CONFLICT, "Validation Error", field + ": " + message, Map.of(field, message));
    }

    static CkanException badRequest(String message) {
        return new CkanException(HttpStatus.BAD_REQUEST, "Bad Request", message, Map.of());
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    Map<String, String> fields() {
        return fields;
    }
}
