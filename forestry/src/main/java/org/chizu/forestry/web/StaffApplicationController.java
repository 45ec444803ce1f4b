package org.chizu.forestry.web;

import java.util.Map;
import java.util.TreeMap;

import org.chizu.accounts.OrganisationStatus;
import org.chizu.accounts.Organisations;
import org.chizu.forestry.access.Applications;
import org.chizu.forestry.access.Decision;
import org.chizu.forestry.access.Downloads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
    private final Organisations organisations;

    StaffApplicationController(Applications applications, Downloads downloads, Organisations organisations) {
        this.applications = applications;
        this.downloads = downloads;
        this.organisations = organisations;
    }

    /** The applications with this status (all without one), and the approved organisations' names by id to show them by. */
    @GetMapping("/staff/api/forestry/applications")
    Map<String, Object> applications(@RequestParam(required = false) String status) {
        Map<Long, String> names = new TreeMap<>();
        organisations.withStatus(OrganisationStatus.APPROVED).forEach(organisation -> names.put(organisation.id(), organisation.name()));
        return Map.of("applications", applications.withStatus(status), "organisations", names);
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

    /** The downloads per month for a spreadsheet: UTF-8 with a byte order mark, so that Excel reads it as UTF-8. */
    @GetMapping(path = "/staff/api/forestry/kpis.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> kpisCsv() {
        StringBuilder csv = new StringBuilder("\uFEFFmonth,downloads,organisations,bytes\r\n");
        for (Map<String, Object> month : downloads.perMonth()) {
            csv.append(month.get("month")).append(',').append(month.get("downloads")).append(',')
                    .append(month.get("organisations")).append(',').append(month.get("bytes")).append("\r\n");
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("forestry-downloads-per-month.csv").build().toString()).body(csv.toString());
    }
}
