package org.chizu.catalog.sparql;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** How the endpoint's refusals read as problem+json (written by the application's one ProblemHandler). */
final class SparqlProblems {

    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private SparqlProblems() {
    }

    /**
     * 400 with the line and column of the offending token. Jena's own numbers are those of the last
     * token it accepted, while its message names the offending one, so the message's position wins;
     * the message's long list of tokens that were expected is left out.
     */
    static ErrorResponseException syntax(QueryParseException e) {
        String message = e.getMessage() == null ? "The query does not parse." : e.getMessage().lines().findFirst().orElse("").strip();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "sparql-syntax", "SPARQL syntax error", message);
        Matcher position = POSITION.matcher(message);
        boolean named = position.find();
        problem.setProperty("line", named ? Integer.parseInt(position.group(1)) : e.getLine());
        problem.setProperty("column", named ? Integer.parseInt(position.group(2)) : e.getColumn());
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
    }

    static ErrorResponseException updateRefused(UpdateRefusedException e) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN,
                problem(HttpStatus.FORBIDDEN, "sparql-read-only", "Read-only endpoint", e.getMessage()), e);
    }

    /** 503, as Fuseki answers a query it stopped: the server is fine, the query asked too much of it. */
    static ErrorResponseException timedOut(Duration timeout, Exception e) {
        String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "sparql-timeout", "Query timed out",
                "The query took longer than " + limit + " and was stopped. Narrow it down (FILTER, LIMIT, "
                        + "fewer unconnected patterns) and try again.");
        problem.setProperty("timeoutMillis", timeout.toMillis());
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
    }

    /** A query that parsed but could not be run (SERVICE refused, a bad function call …). */
    static ErrorResponseException notRunnable(QueryException e) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                problem(HttpStatus.BAD_REQUEST, "sparql-query-failed", "The query could not be run", e.getMessage()), e);
    }

    static ErrorResponseException missingQuery() {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "sparql-no-query",
                "No query", "Send a SPARQL query as ?query=…, as a form field 'query', or as an application/sparql-query body."), null);
    }

    static ErrorResponseException graphsRefused() {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "sparql-dataset-refused",
                "Dataset parameters not supported", "This endpoint queries its one dataset (the catalog and the public layers); "
                        + "default-graph-uri and named-graph-uri are not supported."), null);
    }

    static ErrorResponseException notAcceptable(String offered) {
        return new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE,
                problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable", "This answer is offered as " + offered + "."), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:chizu:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
