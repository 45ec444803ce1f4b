package org.chizu.forestry.discovery;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The STAC API over HTTP, open to anyone (GET, and POST for item search); what it lists is downloaded
 * only with approval. Answers
 * are turned into JSON trees here so that the {@code null} STAC requires (a product's {@code datetime})
 * is written whatever the application's rule for leaving nulls out.
 */
@RestController
class StacController {

    private static final String GEOJSON = "application/geo+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StacCatalog stac;

    StacController(StacCatalog stac) {
        this.stac = stac;
    }

    @GetMapping(value = {"/stac", "/stac/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode landing() {
        return JSON.valueToTree(stac.landing());
    }

    @GetMapping(value = "/stac/api", produces = StacOpenApi.MEDIA_TYPE)
    JsonNode api() {
        return JSON.valueToTree(stac.openApi());
    }

    @GetMapping(value = "/stac/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode conformance() {
        return JSON.valueToTree(stac.conformance());
    }

    @GetMapping(value = "/stac/collections", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode collections() {
        return JSON.valueToTree(stac.collections());
    }

    @GetMapping(value = "/stac/collections/{collection}", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode collection(@PathVariable String collection) {
        return JSON.valueToTree(stac.collection(collection));
    }

    @GetMapping(value = "/stac/collections/{collection}/items", produces = GEOJSON)
    JsonNode items(@PathVariable String collection, @RequestParam Map<String, String> parameters) {
        return JSON.valueToTree(stac.items(collection, query(parameters)));
    }

    @GetMapping(value = "/stac/collections/{collection}/items/{item}", produces = GEOJSON)
    JsonNode item(@PathVariable String collection, @PathVariable String item) {
        return JSON.valueToTree(stac.item(collection, item));
    }

    @GetMapping(value = "/stac/search", produces = GEOJSON)
    JsonNode search(@RequestParam Map<String, String> parameters) {
        return JSON.valueToTree(stac.search(query(parameters), StacCatalog.Method.GET));
    }

    /** The body is read here rather than bound, so that JSON that cannot be read is a problem naming the body. */
    @PostMapping(value = "/stac/search", produces = GEOJSON)
    JsonNode search(@RequestBody(required = false) String body) {
        return JSON.valueToTree(stac.search(SearchBody.read(body), StacCatalog.Method.POST));
    }

    /** Blank parameters count as not given. */
    private static StacQuery query(Map<String, String> parameters) {
        return SearchParameters.read(name -> Optional.ofNullable(parameters.get(name)).filter(value -> !value.isBlank()));
    }
}
