package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Hourly and daily aggregates of valid readings served as Observations with {@code $aggregate}, kept
 * up to date when readings arrive late, and kept when retention drops the raw readings.
 */
@TestPropertySource(properties = {"chizu.sensors.aggregate-every=P1D", "chizu.sensors.retention-every=P1D"})
class ObservationAggregatesTest extends RunningSensors {

    @Autowired
    Observations observations;
    @Autowired
    ObservationAggregates aggregates;
    @Autowired
    ObservationRetention retention;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hourlyAggregatesLeaveOutFlaggedReadingsAndTakeInLateOnes() throws Exception {
        long level = datastream("高津川 水位", "{\"quality\": {\"min\": 0, \"max\": 8}}");
        Instant nine = Instant.parse("2026-12-08T00:00:00Z"); // 09:00 in Japan
        observations.append(List.of(reading(level, nine.plusSeconds(600), 1.0), reading(level, nine.plusSeconds(1200), 2.0),
                reading(level, nine.plusSeconds(1800), 99.0), reading(level, nine.plusSeconds(4200), 3.0)));
        aggregates.catchUp();

        JsonNode hours = get("/sta/v1.1/Datastreams(" + level + ")/Observations?$aggregate=hour&$count=true");

        assertThat(hours.path("@iot.count").asInt()).isEqualTo(2);
        JsonNode first = hours.path("value").get(0);
        assertThat(first.path("phenomenonTime").asText()).isEqualTo("2026-12-08T00:00:00Z/2026-12-08T01:00:00Z");
        assertThat(first.path("result").asDouble()).as("the mean, without the flagged 99").isEqualTo(1.5);
        assertThat(first.path("parameters")).isEqualTo(json.readTree("{\"aggregate\": \"hour\", \"min\": 1, \"max\": 2, \"mean\": 1.5, \"count\": 2}"));
        assertThat(first.has("@iot.selfLink")).as("an aggregate is not an entity of its own").isFalse();
        JsonNode countOnly = get("/sta/v1.1/Datastreams(" + level + ")/Observations?$aggregate=hour&$count=true&$top=0");
        assertThat(countOnly.path("@iot.count").asInt()).isEqualTo(2);
        assertThat(countOnly.path("value")).isEmpty();
        assertThat(countOnly.has("@iot.nextLink")).as("no next page that would repeat this one").isFalse();

        observations.append(List.of(reading(level, nine.plusSeconds(60), 0.5)));
        aggregates.catchUp();

        JsonNode late = get("/sta/v1.1/Datastreams(" + level + ")/Observations?$aggregate=hour&$filter="
                + encode("phenomenonTime le 2026-12-08T01:00:00Z"));
        assertThat(late.path("value")).singleElement().satisfies(hour -> {
            assertThat(hour.path("parameters").path("count").asInt()).isEqualTo(3);
            assertThat(hour.path("parameters").path("min").asDouble()).isEqualTo(0.5);
            assertThat(hour.path("result").asDouble()).isCloseTo(3.5 / 3, within(1e-9));
        });
        JsonNode day = get("/sta/v1.1/Datastreams(" + level + ")/Observations?$aggregate=day").path("value").get(0);
        assertThat(day.path("phenomenonTime").asText()).as("a day in Japan").isEqualTo("2026-12-07T15:00:00Z/2026-12-08T15:00:00Z");
        assertThat(day.path("parameters").path("count").asInt()).isEqualTo(4);
        assertThat(day.path("parameters").path("max").asDouble()).isEqualTo(3.0);
    }

    @Test
    void aDeletedReadingLeavesItsHoursAggregate() throws Exception {
        long rain = datastream("匹見 雨量", "{}");
        Instant noon = Instant.parse("2026-12-08T03:00:00Z");
        List<Long> ids = observations.append(List.of(reading(rain, noon, 4.0), reading(rain, noon.plusSeconds(60), 6.0)));
        aggregates.catchUp();

        observations.delete(ids.get(1));
        aggregates.catchUp();

        JsonNode hour = get("/sta/v1.1/Datastreams(" + rain + ")/Observations?$aggregate=hour").path("value").get(0);
        assertThat(hour.path("parameters").path("count").asInt()).isEqualTo(1);
        assertThat(hour.path("result").asDouble()).isEqualTo(4.0);
    }

    @Test
    void retentionDropsOldRawReadingsByWholeMonthsAndTheAggregatesStay() throws Exception {
        long moisture = datastream("美郷 土壌水分 1", "{\"rawRetention\": \"P90D\"}");
        long keptLonger = datastream("美郷 土壌水分 2", "{}");
        Instant may = Instant.parse("2024-05-10T00:00:00Z");
        List<NewObservation> readings = new ArrayList<>();
        for (int minute = 0; minute < 120; minute += 10) {
            readings.add(reading(moisture, may.plusSeconds(minute * 60L), 30 + minute / 10.0));
            readings.add(reading(keptLonger, may.plusSeconds(minute * 60L), 40));
        }
        observations.append(readings);
        aggregates.catchUp();

        retention.dropExpired();

        assertThat(rawReadings(moisture)).as("past its own retention").isZero();
        assertThat(rawReadings(keptLonger)).as("kept for ever while no retention applies to it").isEqualTo(12);
        assertThat(partitionExists("sta_observation_y2024m05")).as("the month is still kept by the other datastream").isTrue();

        jdbc.update("update sta_datastream set properties = '{\"rawRetention\": \"P1Y\"}' where id = ?", keptLonger);
        retention.dropExpired();

        assertThat(partitionExists("sta_observation_y2024m05")).as("dropped whole once every datastream in it is past retention").isFalse();
        assertThat(rawReadings(keptLonger)).isZero();
        JsonNode hours = get("/sta/v1.1/Datastreams(" + moisture + ")/Observations?$aggregate=hour&$orderby=phenomenonTime desc");
        assertThat(hours.path("value")).hasSize(2);
        assertThat(hours.path("value").get(0).path("parameters"))
                .isEqualTo(json.readTree("{\"aggregate\": \"hour\", \"min\": 36, \"max\": 41, \"mean\": 38.5, \"count\": 6}"));
        assertThat(get("/sta/v1.1/Datastreams(" + keptLonger + ")/Observations?$aggregate=day").path("value").get(0)
                .path("parameters").path("count").asInt()).isEqualTo(12);

        observations.append(List.of(reading(moisture, may.plusSeconds(3600 + 30), 50)));
        aggregates.catchUp();

        JsonNode merged = get("/sta/v1.1/Datastreams(" + moisture + ")/Observations?$aggregate=hour&$orderby=phenomenonTime desc").path("value").get(0);
        assertThat(merged.path("parameters").path("count").asInt()).as("a late reading merged into the hour whose raw readings are gone").isEqualTo(7);
        assertThat(merged.path("parameters").path("max").asDouble()).isEqualTo(50.0);
        assertThat(merged.path("result").asDouble()).isCloseTo((231 + 50) / 7.0, within(1e-9));
        assertThat(rawReadings(moisture)).as("and gone the way of the hour's others").isZero();
    }

    @Test
    void aMonthHoldingMultiDatastreamReadingsIsThinnedNeverDroppedWhole() throws Exception {
        long moisture = datastream("邑南 土壌水分", "{\"rawRetention\": \"P90D\"}");
        long thing = jdbc.queryForObject("select thing_id from sta_datastream where id = ?", Long.class, moisture);
        HttpResponse<String> created = send("POST", "/sta/v1.1/Things(" + thing + ")/MultiDatastreams", """
                {"name": "邑南 気温・湿度", "multiObservationDataTypes": ["%1$s", "%1$s"], "unitOfMeasurements": [{"symbol": "degC"}, {"symbol": "%%"}],
                 "Sensor": {"name": "s", "encodingType": "text/plain", "metadata": "m"},
                 "ObservedProperties": [{"name": "気温", "definition": "t"}, {"name": "湿度", "definition": "h"}]}""".formatted(MEASUREMENT));
        long multi = json.readTree(created.body()).path("@iot.id").asLong();
        Instant june = Instant.parse("2024-06-10T00:00:00Z");
        observations.append(List.of(reading(moisture, june, 31)));
        assertThat(send("POST", "/sta/v1.1/MultiDatastreams(" + multi + ")/Observations",
                "{\"phenomenonTime\": \"" + june + "\", \"result\": [21.5, 70]}").statusCode()).isEqualTo(201);
        aggregates.catchUp();

        retention.dropExpired();

        assertThat(rawReadings(moisture)).as("past its retention").isZero();
        assertThat(partitionExists("sta_observation_y2024m06")).as("MultiDatastreams' readings have no retention").isTrue();
        assertThat(get("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations").path("value")).hasSize(1);
    }

    @Test
    void anAggregateIsAskedOfADatastreamsObservations() throws Exception {
        long rain = datastream("益田 雨量", "{}");

        HttpResponse<String> ofOne = send("GET", "/sta/v1.1/Observations(1)?$aggregate=hour", null);
        HttpResponse<String> ofThings = send("GET", "/sta/v1.1/Things?$aggregate=day", null);
        HttpResponse<String> unknown = send("GET", "/sta/v1.1/Datastreams(" + rain + ")/Observations?$aggregate=week", null);

        assertThat(List.of(ofOne.statusCode(), ofThings.statusCode(), unknown.statusCode())).containsOnly(400);
        assertThat(unknown.body()).contains("neither hour nor day");
        assertThat(ofThings.body()).contains("Datastreams(id)/Observations?$aggregate=hour");
    }

    private long datastream(String name, String properties) throws Exception {
        HttpResponse<String> created = send("POST", "/sta/v1.1/Things", """
                {"name": "%s", "Locations": [{"name": "%s", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [131.9, 34.6]}}],
                 "Datastreams": [{"name": "%s", "observationType": "%s", "unitOfMeasurement": {"name": "metre", "symbol": "m"}, "properties": %s,
                                  "Sensor": {"name": "gauge", "encodingType": "text/plain", "metadata": "G-1"},
                                  "ObservedProperty": {"name": "水位", "definition": "http://vocabs.example.jp/level"}}]}"""
                .formatted(name, name, name, MEASUREMENT, properties));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String thing = created.headers().firstValue("Location").orElseThrow();
        return get(thing.substring(thing.indexOf("/sta/")) + "/Datastreams").path("value").get(0).path("@iot.id").asLong();
    }

    private static NewObservation reading(long datastream, Instant time, double value) {
        return NewObservation.of(datastream, time, JsonNodeFactory.instance.numberNode(value));
    }

    private long rawReadings(long datastream) {
        return jdbc.queryForObject("select count(*) from sta_observation where datastream_id = ?", Long.class, datastream);
    }

    private boolean partitionExists(String name) {
        return jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, name);
    }
}
