package org.chizu.forestry.web;

import java.util.List;
import java.util.Map;

import org.chizu.forestry.access.Application;
import org.chizu.forestry.access.Applications;
import org.chizu.forestry.access.Decision;
import org.chizu.forestry.access.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff decide on firms' applications and read the town's KPI of the data's use. */
@RestController
class StaffApplicationController {

    private final Applications applications;
    private final Downloads downloads;

    StaffApplicationController(Applications applications, Downloads downloads) {
        this.applications = applications;
        this.downloads = downloads;
    }

    @GetMapping("/staff/api/forestry/applications")
    Map<String, List<Application>> applications(@RequestParam(required = false) String status) {
        return Map.of("applications", applications.withStatus(status));
    }

    @PutMapping(path = "/staff/api/forestry/applications/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> decide(@PathVariable long id, @RequestBody Decision decision) {
        applications.decide(id, decision, Callers.signedIn());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/staff/api/forestry/kpis")
    Map<String, Object> kpis() {
        return downloads.kpis();
    }
}
