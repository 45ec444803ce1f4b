package org.chizu.sensors.sta;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;

import org.chizu.sensors.sta.SensorThingsRequests.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The OGC SensorThings API 1.1 at {@value #ROOT}: every resource path with GET, POST, PUT, PATCH
 * and DELETE, the dataArray extension's {@code CreateObservations} and JSON batches at {@code $batch}, and
 * Chizu's {@code $aggregate=hour|day} on a datastream's Observations (its hourly or daily aggregates
 * of valid readings, each an Observation whose result is the mean and whose parameters hold min,
 * max, mean and count).
 * Reading is public; who may write is decided by the accounts module's rules (staff, or a device's
 * token with {@code sensors:observe} for observations).
 */
@RestController
class SensorThingsController {

    static final String ROOT = "/sta/v1.1";

    private static final Logger log = LoggerFactory.getLogger(SensorThingsController.class);

    private final SensorThingsRequests requests;
    private final BatchRequests batches;

    SensorThingsController(SensorThingsRequests requests, BatchRequests batches) {
        this.requests = requests;
        this.batches = batches;
    }

    @RequestMapping(path = {ROOT, ROOT + "/", ROOT + "/**"},
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<?> handle(HttpServletRequest request, @RequestBody(required = false) JsonNode body) {
        String path = pathOf(request);
        Links links = new Links(ServletUriComponentsBuilder.fromCurrentContextPath().path(ROOT).toUriString());
        if (path.equals("$batch") && request.getMethod().equals("POST")) {
            return ResponseEntity.ok(batches.run(body, links));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        Answer answer = requests.handle(request.getMethod(), path, parameters, body, links);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        if (answer.location() != null) {
            response.location(URI.create(answer.location()));
        }
        if (answer.body() instanceof String text) {
            return response.contentType(MediaType.TEXT_PLAIN).body(text);
        }
        return answer.body() == null ? response.build() : response.contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }

    /**
     * A database refusal of what the client sent (an unreadable geometry, a number out of range)
     * is the client's 400, not the server's 500; the transaction has rolled back.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refusedByTheDatabase(DataAccessException e) {
        ProblemDetail problem = problem(e);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail problem(DataAccessException e) {
        String state = e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (state.startsWith("22") || state.startsWith("23") || state.equals("XX000")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The database refused the request: " + e.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
            problem.setType(URI.create("urn:chizu:problem:sensors-bad-request"));
            problem.setTitle("Bad request");
            return problem;
        }
        if (state.equals("57014")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The query took longer than the server allows (chizu.sensors.query-timeout); narrow it with $filter or $top.");
            problem.setType(URI.create("urn:chizu:problem:sensors-query-timeout"));
            problem.setTitle("Query took too long");
            return problem;
        }
        log.error("unexpected database error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; it has been logged.");
        problem.setType(URI.create("urn:chizu:problem:internal-error"));
        problem.setTitle("Internal error");
        return problem;
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String rest = uri.length() > ROOT.length() ? uri.substring(ROOT.length() + 1) : "";
        return UriUtils.decode(rest, StandardCharsets.UTF_8);
    }
}
