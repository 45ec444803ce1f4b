package org.chizu.opendata.cql2;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A filter that cannot be read or cannot be answered: 400, naming where it went wrong ({@code at}:
 * a character offset into CQL2 text, counted from 0, or a JSON pointer into CQL2 JSON).
 */
public class InvalidFilterException extends ErrorResponseException {

    private final String at;

    public InvalidFilterException(String message, String at) {
        super(HttpStatus.BAD_REQUEST, problem(message, at), null);
        this.at = at;
    }

    /** Where the filter went wrong: "character 12" or "/args/1". */
    public String at() {
        return at;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String message, String at) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The filter is not valid at " + at + ": " + message);
        problem.setType(URI.create("urn:chizu:problem:invalid-filter"));
        problem.setTitle("Invalid filter");
        problem.setProperty("at", at);
        return problem;
    }
}
