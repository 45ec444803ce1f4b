package org.chizu.forestry.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.chizu.forestry.access.Application;
import org.chizu.forestry.access.Applications;
import org.chizu.forestry.access.DataProduct;
import org.chizu.forestry.access.ForestryTerms;
import org.chizu.forestry.access.NewApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A firm reads the terms, applies for survey data and follows its organisations' applications. */
@RestController
class ApplicationController {

    private final Applications applications;

    ApplicationController(Applications applications) {
        this.applications = applications;
    }

    @GetMapping("/api/forestry/terms")
    Map<String, Object> terms() {
        return Map.of("version", ForestryTerms.VERSION, "text", ForestryTerms.TEXT);
    }

    /** What an application may name, in the form's order. */
    @GetMapping("/api/forestry/products")
    Map<String, Object> products() {
        return Map.of("products", Arrays.stream(DataProduct.values())
                .map(product -> Map.of("id", product.id, "label", product.label)).toList());
    }

    @PostMapping(path = "/api/forestry/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> apply(@RequestBody NewApplication application) {
        long id = applications.apply(Callers.signedIn(), application);
        return ResponseEntity.created(URI.create("/api/forestry/applications/" + id)).body(Map.of("id", id, "status", "pending"));
    }

    @GetMapping("/api/forestry/applications")
    Map<String, List<Application>> mine() {
        return Map.of("applications", applications.of(Applications.organisationsOf(Callers.signedIn())));
    }
}
