package org.chizu.safety;

import java.util.List;
import java.util.Map;

import org.chizu.accounts.CurrentAudience;
import org.chizu.platform.Audience;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Is this place safe?" over HTTP for the web map and anyone else, and the staff-only switch that
 * marks shelters open or closed during an event.
 */
@RestController
@RequestMapping("/api/safety")
class SafetyController {

    private final SafetyAssessor assessor;
    private final ShelterOpenings openings;
    private final CurrentAudience audience;

    SafetyController(SafetyAssessor assessor, ShelterOpenings openings, CurrentAudience audience) {
        this.assessor = assessor;
        this.openings = openings;
        this.audience = audience;
    }

    /** The hazard zones at a WGS 84 point and the shelters to go to; 400 when lon or lat is out of range. */
    @GetMapping
    SafetyAnswer assess(@RequestParam double lon, @RequestParam double lat) {
        return assessor.assess(new Place(lon, lat));
    }

    /** The shelters open now, for anyone. */
    @GetMapping("/shelters/open")
    Map<String, List<Long>> open() {
        return Map.of("open", openings.openIds());
    }

    @PutMapping("/shelters/{id}/opening")
    ResponseEntity<Void> openShelter(@PathVariable long id) {
        requireStaff();
        openings.open(id, SecurityContextHolder.getContext().getAuthentication().getName());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/shelters/{id}/opening")
    ResponseEntity<Void> closeShelter(@PathVariable long id) {
        requireStaff();
        openings.close(id);
        return ResponseEntity.noContent().build();
    }

    private void requireStaff() {
        if (audience.get() != Audience.STAFF) {
            throw new AccessDeniedException("only staff open and close shelters");
        }
    }
}
