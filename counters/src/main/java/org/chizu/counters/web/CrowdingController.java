package org.chizu.counters.web;

import java.util.Arrays;
import java.util.List;

import org.chizu.counters.Crowding;
import org.chizu.counters.CrowdingLevel;
import org.chizu.counters.CrowdingThresholds;
import org.chizu.counters.OfficeCrowding;
import org.chizu.platform.Label;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every office's crowding now, with the levels and the thresholds that decide them, for anyone. */
@RestController
class CrowdingController {

    private final Crowding crowding;

    CrowdingController(Crowding crowding) {
        this.crowding = crowding;
    }

    record Level(CrowdingLevel level, Label name) {
    }

    record Answer(String topic, CrowdingThresholds thresholds, List<Level> levels, List<OfficeCrowding> offices) {
    }

    @GetMapping("/api/counters/crowding")
    Answer crowding() {
        return new Answer(Crowding.TOPIC, crowding.thresholds(),
                Arrays.stream(CrowdingLevel.values()).map(level -> new Level(level, level.label())).toList(), crowding.now());
    }
}
