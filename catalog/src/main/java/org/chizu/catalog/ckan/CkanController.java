package org.chizu.catalog.ckan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.catalog.CatalogUris;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CKAN's Action API v3 at {@code /api/3/action/} and {@code /api/action/}, by GET with query
 * parameters or POST with a JSON object. Every answer is CKAN's envelope
 * {@code {"help", "success", "result"|"error"}}.
 *
 * <p>Errors here are deliberately not problem+json: CKAN clients and harvesters (ckanapi, the
 * EU and Japanese data portals) parse the envelope's {@code error.__type} and rely on CKAN's
 * status codes (404 Not Found Error, 409 Validation Error, 400 for a bad request), so for these
 * paths that envelope is the contract. The handler below applies to this controller only.
 */
@RestController
@RequestMapping({"/api/3/action", "/api/action"})
class CkanController {

    private final CkanActions actions;
    private final CatalogUris uris;
    private final ObjectMapper json;

    CkanController(CkanActions actions, CatalogUris uris, ObjectMapper json) {
        this.actions = actions;
        this.uris = uris;
        this.json = json;
    }

    @GetMapping("/{action}")
    Map<String, Object> get(@PathVariable String action, @RequestParam Map<String, String> parameters) {
        return success(action, actions.run(action, new ActionParameters(parameters)));
    }

    @PostMapping("/{action}")
    Map<String, Object> post(@PathVariable String action, @RequestBody(required = false) String body) {
        Map<String, Object> parameters;
        try {
            parameters = body == null || body.isBlank() ? Map.of() : json.readValue(body, Map.class);
        } catch (JsonProcessingException e) {
            throw CkanException.badRequest("Bad request - JSON Error: the body must be a JSON object (" + e.getOriginalMessage() + ")");
        }
        return success(action, actions.run(action, new ActionParameters(parameters)));
    }

    private Map<String, Object> success(String action, Object result) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("help", help(action));
        envelope.put("success", true);
        envelope.put("result", result);
        return envelope;
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> failure(CkanException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        e.fields().forEach((field, message) -> error.put(field, List.of(message)));
        error.put("__type", e.type());
        error.put("message", e.getMessage());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("help", help("help_show"));
        envelope.put("success", false);
        envelope.put("error", error);
        return ResponseEntity.status(e.status()).body(envelope);
    }

    private String help(String action) {
        return uris.ckanAction("help_show") + "?name=" + action;
    }
}
