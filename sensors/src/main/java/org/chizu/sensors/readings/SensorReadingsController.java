package org.chizu.sensors.readings;

import java.util.List;
import java.util.Map;

import org.chizu.sensors.SensorsProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public map's sensors over HTTP. */
@RestController
class SensorReadingsController {

    private final SensorReadings readings;

    SensorReadingsController(SensorReadings readings) {
        this.readings = readings;
    }

    @GetMapping("/api/sensors")
    Map<String, List<SensorReading>> sensors() {
        return Map.of("sensors", readings.all());
    }

    @GetMapping("/api/sensors/{datastreamId}/day")
    DayOfReadings day(@PathVariable long datastreamId) {
        return readings.lastDay(datastreamId).orElseThrow(() -> new SensorsProblem(404, "sensors-not-found", "Not found",
                "No sensor on the map reads Datastreams(" + datastreamId + ").", Map.of("datastream", datastreamId)));
    }
}
