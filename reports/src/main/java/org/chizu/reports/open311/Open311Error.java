package org.chizu.reports.open311;

import org.springframework.http.HttpStatus;

/**
 * A GeoReport v2 error: answered with its HTTP status and the standard's {@code errors/error} body
 * ({@code code}, {@code description}).
 */
class Open311Error extends RuntimeException {

    private final HttpStatus status;

    Open311Error(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
