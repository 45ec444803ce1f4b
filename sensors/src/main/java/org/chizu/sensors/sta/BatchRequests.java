package org.chizu.sensors.sta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chizu.platform.problem.ProblemException;
import org.chizu.sensors.SensorsProblem;
import org.chizu.sensors.sta.SensorThingsRequests.Answer;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * SensorThings' JSON batch ({@code POST $batch}, OData JSON batch format): {@code {"requests": [{"id",
 * "method", "url", "body", "atomicityGroup"}]}} answered by {@code {"responses": [{"id", "status",
 * "location", "body"}]}}, in order. Adjacent requests of one atomicity group run in one transaction
 * and fail together; a later request may name an entity created earlier as {@code $id}, as in
 * {@code $1/Datastreams}.
 */
@Component
class BatchRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SensorThingsRequests requests;
    private final TransactionTemplate transaction;

    BatchRequests(SensorThingsRequests requests, PlatformTransactionManager transactions) {
        this.requests = requests;
        this.transaction = new TransactionTemplate(transactions);
    }

    ObjectNode run(JsonNode batch, Links links) {
        if (batch == null || !batch.path("requests").isArray()) {
            throw SensorsProblem.badRequest("A batch is {\"requests\": [{\"id\", \"method\", \"url\", \"body\"}, …]}.", Map.of());
        }
        List<List<JsonNode>> units = new ArrayList<>();
        String group = null;
        for (JsonNode request : batch.get("requests")) {
            String its = request.path("atomicityGroup").asText(null);
            if (its == null || !its.equals(group)) {
                units.add(new ArrayList<>());
            }
            units.getLast().add(request);
            group = its;
        }
        Map<String, String> created = new HashMap<>();
        ObjectNode answer = NODES.objectNode();
        ArrayNode responses = answer.putArray("responses");
        for (List<JsonNode> unit : units) {
            List<ObjectNode> answers = new ArrayList<>();
            try {
                transaction.executeWithoutResult(status -> unit.forEach(request -> answers.add(one(request, created, links))));
            } catch (ProblemException | DataAccessException e) {
                answers.clear();
                ObjectNode problem = problem(e);
                unit.forEach(request -> answers.add(NODES.objectNode().put("id", request.path("id").asText())
                        .put("status", problem.path("status").asInt()).set("body", problem)));
            }
            answers.forEach(responses::add);
        }
        return answer;
    }

    private ObjectNode one(JsonNode request, Map<String, String> created, Links links) {
        String url = reference(relative(request.path("url").asText(), links.root()), created);
        int query = url.indexOf('?');
        String path = UriUtils.decode(query < 0 ? url : url.substring(0, query), StandardCharsets.UTF_8);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query >= 0) {
            UriComponentsBuilder.fromUriString("?" + url.substring(query + 1)).build().getQueryParams().forEach((name, values) ->
                    parameters.put(UriUtils.decode(name, StandardCharsets.UTF_8), UriUtils.decode(values.getFirst().replace("+", " "), StandardCharsets.UTF_8)));
        }
        Answer answer = requests.handle(request.path("method").asText("GET").toUpperCase(Locale.ROOT), path, parameters, request.get("body"), links);
        ObjectNode response = NODES.objectNode().put("id", request.path("id").asText()).put("status", answer.status());
        if (answer.location() != null) {
            response.put("location", answer.location());
            created.put(request.path("id").asText(), answer.location().substring(links.root().length() + 1));
        }
        if (answer.body() instanceof JsonNode json) {
            response.set("body", json);
        } else if (answer.body() != null) {
            response.put("body", answer.body().toString());
        }
        return response;
    }

    /** A URL below the service root, as an address or relative to it. */
    private static String relative(String url, String root) {
        String path = url.startsWith(root) ? url.substring(root.length()) : url.startsWith(SensorThingsController.ROOT)
                ? url.substring(SensorThingsController.ROOT.length()) : url;
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** {@code $1/Datastreams} names the entity created by the request with id 1. */
    private static String reference(String url, Map<String, String> created) {
        if (!url.startsWith("$")) {
            return url;
        }
        int end = url.indexOf('/') < 0 ? url.length() : url.indexOf('/');
        String id = url.substring(1, end);
        String path = created.get(id);
        if (path == null) {
            throw SensorsProblem.badRequest("'$" + id + "' names no entity created earlier in this batch.", Map.of("url", url));
        }
        return path + url.substring(end);
    }

    private static ObjectNode problem(RuntimeException e) {
        if (e instanceof ProblemException problem) {
            ObjectNode body = NODES.objectNode().put("type", "urn:chizu:problem:" + problem.type()).put("title", problem.title())
                    .put("status", problem.status()).put("detail", problem.getMessage());
            problem.members().forEach((name, value) -> body.putPOJO(name, value));
            return body;
        }
        ProblemDetail detail = SensorThingsController.problem((DataAccessException) e);
        return NODES.objectNode().put("type", String.valueOf(detail.getType())).put("title", detail.getTitle())
                .put("status", detail.getStatus()).put("detail", detail.getDetail());
    }
}
