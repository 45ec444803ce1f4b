package org.chizu.sensors.sta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chizu.sensors.EntityChanged;
import org.chizu.sensors.SensorsProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One SensorThings request, whether it came over HTTP, inside a batch or (later) over MQTT: a method,
 * a resource path below the service root, its query options and body, answered with a status and
 * JSON. Knows no servlet, so that {@link BatchRequests} runs the very same code.
 */
@Component
public class SensorThingsRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/multi-datastream",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/batch-request/batch-request");

    /**
     * What a request is answered with.
     *
     * @param location the created entity's address (201), else null
     * @param body     JSON, a raw value's text ({@code /$value}), or null
     */
    public record Answer(int status, String location, Object body) {
    }

    private final EntityReader reader;
    private final EntityWriter writer;
    private final ApplicationEventPublisher events;

    SensorThingsRequests(EntityReader reader, EntityWriter writer, ApplicationEventPublisher events) {
        this.reader = reader;
        this.writer = writer;
        this.events = events;
    }

    /**
     * @param pathText   the resource path below the service root, such as {@code Datastreams(1)/Observations}
     * @param parameters the query options ({@code $filter} …), decoded
     * @param links      the service root that addresses in the answer start with
     * @throws SensorsProblem and other problems, which the caller turns into problem+json
     */
    public Answer handle(String method, String pathText, Map<String, String> parameters, JsonNode body, Links links) {
        return switch (method) {
            case "GET" -> new Answer(200, null, pathText.isEmpty() ? serviceRoot(links) : read(pathText, parameters, links));
            case "POST" -> pathText.equals("CreateObservations") ? createObservations(required(body), links)
                    : pathText.endsWith("/$ref") ? link(pathText, required(body)) : create(pathText, required(body), links);
            case "PATCH", "PUT" -> {
                ResourcePath path = ResourcePath.parse(pathText);
                List<String> changed;
                if (method.equals("PUT")) {
                    writer.replace(path, required(body));
                    changed = path.last().type().properties().stream().filter(property -> !property.readOnly()).map(Property::name).toList();
                } else {
                    writer.update(path, required(body));
                    changed = path.last().type().properties().stream().map(Property::name).filter(body::has).toList();
                }
                ObjectNode entity = reader.entity(path, pathText, QueryOptions.NONE, links);
                events.publishEvent(new EntityChanged(path.last().type().setName() + "(" + path.last().id() + ")", entity, List.of(), changed));
                yield new Answer(200, null, entity);
            }
            case "DELETE" -> {
                ResourcePath path = ResourcePath.parse(pathText);
                if (path.ref()) {
                    writer.unlink(path, parameters.get("$id"));
                } else {
                    writer.delete(path);
                }
                yield new Answer(200, null, null);
            }
            default -> throw new SensorsProblem(405, "sensors-method-not-allowed", "Method not allowed",
                    method + " is not a SensorThings request; use GET, POST, PUT, PATCH or DELETE.", Map.of("method", method));
        };
    }

    private ObjectNode serviceRoot(Links links) {
        ObjectNode root = NODES.objectNode();
        ArrayNode value = root.putArray("value");
        Arrays.stream(EntityType.values()).forEach(type -> value.addObject().put("name", type.setName())
                .put("url", links.root() + "/" + type.setName()));
        CONFORMANCE.forEach(root.putObject("serverSettings").putArray("conformance")::add);
        return root;
    }

    private Object read(String pathText, Map<String, String> parameters, Links links) {
        ResourcePath path = ResourcePath.parse(pathText);
        QueryOptions options = QueryOptions.parse(parameters);
        if (path.property() == null) {
            return path.single() ? reader.entity(path, pathText, options, links) : reader.collection(path, pathText, options, links);
        }
        ObjectNode entity = reader.entity(path, pathText, QueryOptions.NONE, links);
        String name = path.property().name().equals("id") ? "@iot.id" : path.property().name();
        JsonNode value = entity.get(name);
        if (path.value()) {
            return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
        }
        return NODES.objectNode().set(name, value);
    }

    private Answer link(String pathText, JsonNode body) {
        writer.link(ResourcePath.parse(pathText), body);
        return new Answer(204, null, null);
    }

    private Answer create(String pathText, JsonNode body, Links links) {
        ResourcePath path = ResourcePath.parse(pathText);
        long id = writer.create(path, body);
        String created = path.type().setName() + "(" + id + ")";
        ObjectNode entity = reader.entity(ResourcePath.parse(created), created, QueryOptions.NONE, links);
        if (path.type() != EntityType.OBSERVATION) {
            // Observations are announced as they are stored, however they come in.
            events.publishEvent(new EntityChanged(created, entity, pathText.equals(path.type().setName()) ? List.of(pathText)
                    : List.of(path.type().setName(), pathText), List.of()));
        }
        return new Answer(201, links.entity(path.type(), id), entity);
    }

    /**
     * The dataArray extension: {@code [{"Datastream": {"@iot.id": 1}, "components": ["phenomenonTime", "result"],
     * "dataArray": [["2026-12-08T09:00:00Z", 1.52], …]}, …]} (or a group of a {@code MultiDatastream}, each result
     * an array), all stored in one transaction; answers the new observations' addresses in order.
     */
    private Answer createObservations(JsonNode body, Links links) {
        if (!body.isArray()) {
            throw SensorsProblem.badRequest("CreateObservations takes an array of {Datastream, components, dataArray}.", Map.of());
        }
        List<JsonNode> observations = new ArrayList<>();
        List<Map<String, Long>> implied = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode group = body.get(i);
            String at = "[" + i + "]";
            Map<String, Long> stream = stream(group, at);
            List<String> components = new ArrayList<>();
            group.path("components").forEach(component -> components.add(component.asText()));
            if (!components.contains("result")) {
                throw SensorsProblem.badRequest(at + "/components: 'result' is missing.", Map.of("at", at + "/components"));
            }
            JsonNode rows = group.path("dataArray");
            for (int r = 0; r < rows.size(); r++) {
                observations.add(observation(components, rows.get(r), at + "/dataArray[" + r + "]"));
                implied.add(stream);
            }
        }
        ArrayNode created = NODES.arrayNode();
        writer.createObservations(observations, implied).forEach(id -> created.add(links.entity(EntityType.OBSERVATION, id)));
        return new Answer(201, null, created);
    }

    private static final Pattern STREAM_LINK = Pattern.compile("(?:^|/)(Datastreams|MultiDatastreams)\\((\\d+)\\)$");

    /**
     * The Datastream or MultiDatastream a dataArray group names, as {@code "Datastream": {"@iot.id": n}} or
     * {@code "MultiDatastream@iot.navigationLink": "…/MultiDatastreams(n)"} (the form a dataArray is read in).
     */
    private static Map<String, Long> stream(JsonNode group, String at) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (String name : List.of("Datastream", "MultiDatastream")) {
            if (group.path(name).path("@iot.id").canConvertToLong()) {
                named.put(name, group.get(name).get("@iot.id").asLong());
            }
            Matcher link = STREAM_LINK.matcher(group.path(name + "@iot.navigationLink").asText());
            if (link.find() && link.group(1).equals(name + "s")) {
                named.put(name, Long.parseLong(link.group(2)));
            }
        }
        if (named.size() != 1) {
            throw SensorsProblem.badRequest(at + ": each group names one Datastream or MultiDatastream, as {\"Datastream\": {\"@iot.id\": n}} "
                    + "or {\"MultiDatastream\": {\"@iot.id\": n}}.", Map.of("at", at));
        }
        return Map.copyOf(named);
    }

    private static ObjectNode observation(List<String> components, JsonNode row, String at) {
        if (!row.isArray() || row.size() != components.size()) {
            throw SensorsProblem.badRequest(at + ": expected " + components.size() + " values, one per component.", Map.of("at", at));
        }
        ObjectNode observation = NODES.objectNode();
        for (int c = 0; c < components.size(); c++) {
            String component = components.get(c);
            switch (component) {
                case "FeatureOfInterest/id" -> observation.putObject("FeatureOfInterest").set("@iot.id", row.get(c));
                case "phenomenonTime", "resultTime", "result", "resultQuality", "validTime", "parameters" -> observation.set(component, row.get(c));
                default -> throw SensorsProblem.badRequest(at + ": '" + component + "' is not a component of an Observation.", Map.of("at", at));
            }
        }
        return observation;
    }

    private static JsonNode required(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw SensorsProblem.badRequest("The request needs a JSON body.", Map.of());
        }
        return body;
    }
}
