package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public map's sensors: a river gauge with the four national levels shows its latest valid value
 * and the level it stands at, its last 24 hours for the sparkline, and each append is announced on
 * live topic {@code readings}; a datastream without thresholds is not on the map.
 */
class SensorReadingsTest extends RunningSensors {

    @Autowired
    Observations observations;
    @Autowired
    JdbcTemplate jdbc;

    final Instant nine = Instant.parse("2026-12-08T00:00:00Z");

    @Test
    void aRiverGaugeShowsItsLatestValidValueTheLevelItStandsAtAndItsLastDay() throws Exception {
        long gauge = datastream("高津川 高角水位観測所", """
                {"quality": {"min": 0, "max": 12}, "thresholds": {"scheme": "river-level", "levels": [2.5, 3.5, 4.5, 5.0], "clearMargin": 0.05}}""");
        long untracked = datastream("水道メーター", "{}");
        List<NewObservation> readings = new ArrayList<>();
        readings.add(reading(gauge, nine.minus(Duration.ofHours(30)), 1.0));
        for (int hour = 0; hour <= 24; hour++) {
            readings.add(reading(gauge, nine.plus(Duration.ofHours(hour)), 1.0 + hour * 0.11));
        }
        readings.add(reading(gauge, nine.plus(Duration.ofHours(25)), 99.0));
        readings.add(reading(untracked, nine, 12.0));
        long announcedBefore = announcements();

        observations.append(readings);

        List<Long> onTheMap = new ArrayList<>();
        get("/api/sensors").path("sensors").forEach(sensor -> onTheMap.add(sensor.path("datastreamId").asLong()));
        assertThat(onTheMap).contains(gauge).as("the water meter declares no thresholds").doesNotContain(untracked);
        JsonNode river = sensor(gauge);
        assertThat(river.path("thing").asText()).isEqualTo("高津川 高角水位観測所");
        assertThat(river.path("observes").path("ja").asText()).isEqualTo("河川水位");
        assertThat(river.path("value").asDouble()).as("the out-of-range 99 m is flagged, not shown").isCloseTo(3.64, within(1e-9));
        assertThat(river.path("level").asInt()).isEqualTo(2);
        assertThat(river.path("levelName").path("ja").asText()).isEqualTo("氾濫注意水位");
        assertThat(river.path("lon").asDouble()).isEqualTo(131.84);
        assertThat(river.path("lines").toString()).isEqualTo("[2.5,3.5,4.5,5.0]");

        JsonNode day = get("/api/sensors/" + gauge + "/day");
        assertThat(day.path("values")).as("the 24 hours up to the latest valid reading, oldest first, without the flagged one").hasSize(24);
        assertThat(day.path("times").get(0).asText()).isEqualTo("2026-12-08T01:00:00Z");
        assertThat(day.path("values").get(23).asDouble()).isCloseTo(3.64, within(1e-9));
        assertThat(day.path("unit").asText()).isEqualTo("m");

        assertThat(announcements() - announcedBefore).as("one live event for the append").isEqualTo(1);
        assertThat(jdbc.queryForObject("select data -> 'datastreams' from live_event where topic = 'readings' order by id desc limit 1",
                String.class)).isEqualTo("[" + gauge + ", " + untracked + "]");
    }

    @Test
    void theDayOfADatastreamThatIsNotOnTheMapIsNotFound() throws Exception {
        long untracked = datastream("水道メーター 2", "{}");

        HttpResponse<String> response = send("GET", "/api/sensors/" + untracked + "/day", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("datastream").asLong()).isEqualTo(untracked);
    }

    private long datastream(String name, String properties) throws Exception {
        HttpResponse<String> created = send("POST", "/sta/v1.1/Things", """
                {"name": "%s",
                 "Locations": [{"name": "地点", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [131.84, 34.67]}}],
                 "Datastreams": [{"name": "観測値", "observationType": "%s", "unitOfMeasurement": {"name": "metre", "symbol": "m"},
                                  "properties": %s,
                                  "Sensor": {"name": "gauge", "encodingType": "text/plain", "metadata": "G-1"},
                                  "ObservedProperty": {"name": "水位", "definition": "http://vocabs.example.jp/water-level"}}]}"""
                .formatted(name, MEASUREMENT, properties));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long thing = json.readTree(created.body()).path("@iot.id").asLong();
        return get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
    }

    private JsonNode sensor(long datastream) throws Exception {
        for (JsonNode sensor : get("/api/sensors").path("sensors")) {
            if (sensor.path("datastreamId").asLong() == datastream) {
                return sensor;
            }
        }
        throw new AssertionError("Datastreams(" + datastream + ") is not on the map");
    }

    private long announcements() {
        return jdbc.queryForObject("select count(*) from live_event where topic = 'readings'", Long.class);
    }

    private static NewObservation reading(long datastream, Instant time, double value) {
        return NewObservation.of(datastream, time, JsonNodeFactory.instance.numberNode(value));
    }
}
