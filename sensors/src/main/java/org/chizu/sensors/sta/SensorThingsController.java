package org.chizu.sensors.sta;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;

import org.chizu.sensors.SensorsProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The OGC SensorThings API 1.1 at {@value #ROOT}: the service root, reading any resource path with
 * the query options, and writing (POST, PATCH, DELETE, and the dataArray extension's
 * {@code CreateObservations}). Reading is public; who may write is decided by the accounts module's
 * rules (staff, or a device's token with {@code sensors:observe} for observations).
 */
@RestController
class SensorThingsController {

    static final String ROOT = "/sta/v1.1";

    private static final Logger log = LoggerFactory.getLogger(SensorThingsController.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array");

    private final EntityReader reader;
    private final EntityWriter writer;

    SensorThingsController(EntityReader reader, EntityWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @GetMapping({ROOT, ROOT + "/"})
    ObjectNode serviceRoot() {
        Links links = links();
        ObjectNode root = NODES.objectNode();
        ArrayNode value = root.putArray("value");
        Arrays.stream(EntityType.values()).forEach(type -> value.addObject().put("name", type.setName())
                .put("url", links.root() + "/" + type.setName()));
        ObjectNode settings = root.putObject("serverSettings");
        CONFORMANCE.forEach(settings.putArray("conformance")::add);
        return root;
    }

    @GetMapping(ROOT + "/**")
    ResponseEntity<?> read(HttpServletRequest request) {
        String pathText = pathOf(request);
        ResourcePath path = ResourcePath.parse(pathText);
        QueryOptions options = QueryOptions.parse(parameters(request));
        Links links = links();
        if (path.property() != null) {
            ObjectNode entity = reader.entity(path, pathText, QueryOptions.NONE, links);
            String name = path.property().name().equals("id") ? "@iot.id" : path.property().name();
            JsonNode value = entity.get(name);
            if (path.value()) {
                return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                        .body(value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString());
            }
            return ResponseEntity.ok(NODES.objectNode().set(name, value));
        }
        return ResponseEntity.ok(path.single() ? reader.entity(path, pathText, options, links) : reader.collection(path, pathText, options, links));
    }

    @PostMapping(ROOT + "/**")
    ResponseEntity<JsonNode> create(HttpServletRequest request, @RequestBody JsonNode body) {
        String pathText = pathOf(request);
        if (pathText.equals("CreateObservations")) {
            return createObservations(body);
        }
        ResourcePath path = ResourcePath.parse(pathText);
        long id = writer.create(path, body);
        String self = links().entity(path.type(), id);
        String createdPath = path.type().setName() + "(" + id + ")";
        return ResponseEntity.created(URI.create(self)).body(reader.entity(ResourcePath.parse(createdPath), createdPath, QueryOptions.NONE, links()));
    }

    @PatchMapping(ROOT + "/**")
    JsonNode update(HttpServletRequest request, @RequestBody JsonNode body) {
        String pathText = pathOf(request);
        ResourcePath path = ResourcePath.parse(pathText);
        writer.update(path, body);
        return reader.entity(path, pathText, QueryOptions.NONE, links());
    }

    @DeleteMapping(ROOT + "/**")
    ResponseEntity<Void> delete(HttpServletRequest request) {
        writer.delete(ResourcePath.parse(pathOf(request)));
        return ResponseEntity.ok().build();
    }

    /**
     * The dataArray extension: {@code [{"Datastream": {"@iot.id": 1}, "components": ["phenomenonTime", "result"],
     * "dataArray": [["2026-12-08T09:00:00Z", 1.52], …]}, …]}, all stored in one transaction; answers the new
     * observations' addresses in order.
     */
    private ResponseEntity<JsonNode> createObservations(JsonNode body) {
        if (!body.isArray()) {
            throw SensorsProblem.badRequest("CreateObservations takes an array of {Datastream, components, dataArray}.", Map.of());
        }
        List<JsonNode> observations = new ArrayList<>();
        List<Map<String, Long>> implied = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode group = body.get(i);
            String at = "[" + i + "]";
            if (!group.path("Datastream").hasNonNull("@iot.id")) {
                throw SensorsProblem.badRequest(at + ": each group names its Datastream as {\"@iot.id\": n}.", Map.of("at", at));
            }
            long datastream = group.path("Datastream").get("@iot.id").asLong();
            List<String> components = new ArrayList<>();
            group.path("components").forEach(component -> components.add(component.asText()));
            if (!components.contains("result")) {
                throw SensorsProblem.badRequest(at + "/components: 'result' is missing.", Map.of("at", at + "/components"));
            }
            JsonNode rows = group.path("dataArray");
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                if (!row.isArray() || row.size() != components.size()) {
                    throw SensorsProblem.badRequest(at + "/dataArray[" + r + "]: expected " + components.size() + " values, one per component.",
                            Map.of("at", at + "/dataArray[" + r + "]"));
                }
                ObjectNode observation = NODES.objectNode();
                for (int c = 0; c < components.size(); c++) {
                    String component = components.get(c);
                    switch (component) {
                        case "FeatureOfInterest/id" -> observation.putObject("FeatureOfInterest").set("@iot.id", row.get(c));
                        case "phenomenonTime", "resultTime", "result", "resultQuality", "validTime", "parameters" -> observation.set(component, row.get(c));
                        default -> throw SensorsProblem.badRequest(at + "/components: '" + component + "' is not a component of an Observation.",
                                Map.of("at", at + "/components"));
                    }
                }
                observations.add(observation);
                implied.add(Map.of("Datastream", datastream));
            }
        }
        List<Long> ids = writer.createObservations(observations, implied);
        ArrayNode created = NODES.arrayNode();
        Links links = links();
        ids.forEach(id -> created.add(links.entity(EntityType.OBSERVATION, id)));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    /**
     * A database refusal of what the client sent (an unreadable geometry, a number out of range)
     * is the client's 400, not the server's 500; the transaction has rolled back.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refusedByTheDatabase(DataAccessException e) {
        String state = e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        boolean clients = state.startsWith("22") || state.startsWith("23") || state.equals("XX000");
        ProblemDetail problem;
        if (clients) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The database refused the request: " + e.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
            problem.setType(URI.create("urn:chizu:problem:sensors-bad-request"));
            problem.setTitle("Bad request");
        } else {
            log.error("unexpected database error", e);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; it has been logged.");
            problem.setType(URI.create("urn:chizu:problem:internal-error"));
            problem.setTitle("Internal error");
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String rest = uri.length() > ROOT.length() ? uri.substring(ROOT.length() + 1) : "";
        return UriUtils.decode(rest, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        return parameters;
    }

    private static Links links() {
        return new Links(ServletUriComponentsBuilder.fromCurrentContextPath().path(ROOT).toUriString());
    }
}
