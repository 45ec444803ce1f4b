package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MultiDatastreams over HTTP (SensorThings 1.1's MultiDatastream extension): a weather station's
 * temperature and humidity as one stream whose results are arrays in the order of its
 * ObservedProperties; deep insert, navigation both ways, query options, dataArray, changes, deletes,
 * and the spec's rules refused as problem+json naming the field.
 */
class MultiDatastreamsApiTest extends RunningSensors {

    static final String COMPLEX = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theServiceRootListsMultiDatastreamsAndItsConformanceClass() throws Exception {
        JsonNode root = get("/sta/v1.1");

        assertThat(root.path("value").findValuesAsText("name")).contains("MultiDatastreams");
        assertThat(root.path("value").findValuesAsText("url")).anySatisfy(url -> assertThat(url).endsWith("/sta/v1.1/MultiDatastreams"));
        assertThat(root.path("serverSettings").path("conformance").toString())
                .contains("http://www.opengis.net/spec/iot_sensing/1.1/req/multi-datastream");
    }

    @Test
    void aThingWithAMultiDatastreamInOneDeepInsertReadsBackWithItsPropertiesInOrderFromEverySide() throws Exception {
        long thing = station("益田 気象観測所");

        JsonNode read = get("/sta/v1.1/Things(" + thing + ")?$expand=" + encode("MultiDatastreams($expand=ObservedProperties,Sensor,Thing)"));

        JsonNode multi = read.path("MultiDatastreams").get(0);
        assertThat(multi.path("observationType").asText()).as("the only type a MultiDatastream has").isEqualTo(COMPLEX);
        assertThat(multi.path("unitOfMeasurements").findValuesAsText("symbol")).containsExactly("degC", "%");
        assertThat(multi.path("ObservedProperties").findValuesAsText("name")).containsExactly("気温", "湿度");
        assertThat(multi.path("Sensor").path("name").asText()).isEqualTo("WXT536");
        assertThat(multi.path("Thing").path("@iot.id").asLong()).isEqualTo(thing);
        long id = multi.path("@iot.id").asLong();
        long sensor = multi.path("Sensor").path("@iot.id").asLong();
        long humidity = multi.path("ObservedProperties").get(1).path("@iot.id").asLong();
        assertThat(names("/sta/v1.1/Things(" + thing + ")/MultiDatastreams")).containsExactly("気温・湿度");
        assertThat(names("/sta/v1.1/Sensors(" + sensor + ")/MultiDatastreams")).containsExactly("気温・湿度");
        assertThat(names("/sta/v1.1/ObservedProperties(" + humidity + ")/MultiDatastreams")).containsExactly("気温・湿度");
        assertThat(names("/sta/v1.1/MultiDatastreams(" + id + ")/ObservedProperties")).containsExactly("気温", "湿度");
        assertThat(get("/sta/v1.1/MultiDatastreams(" + id + ")/Thing").path("name").asText()).isEqualTo("益田 気象観測所");
        assertThat(multi.path("Observations@iot.navigationLink").asText()).endsWith("/sta/v1.1/MultiDatastreams(" + id + ")/Observations");
    }

    @Test
    void existingObservedPropertiesKeepTheOrderTheyAreLinkedInNotTheirIds() throws Exception {
        long thing = station("匹見 気象観測所");
        long rain = id(post("/sta/v1.1/ObservedProperties", "{\"name\": \"雨量\", \"definition\": \"http://vocabs.example.jp/rainfall\"}"));
        long wind = id(post("/sta/v1.1/ObservedProperties", "{\"name\": \"風速\", \"definition\": \"http://vocabs.example.jp/wind-speed\"}"));

        long multi = id(post("/sta/v1.1/Things(" + thing + ")/MultiDatastreams", """
                {"name": "風速・雨量", "multiObservationDataTypes": ["%1$s", "%1$s"],
                 "unitOfMeasurements": [{"name": "metre per second", "symbol": "m/s"}, {"name": "millimetre", "symbol": "mm"}],
                 "Sensor": {"name": "風雨計", "encodingType": "text/plain", "metadata": "RW-2"},
                 "ObservedProperties": [{"@iot.id": %2$d}, {"@iot.id": %3$d}]}""".formatted(MEASUREMENT, wind, rain)));

        assertThat(names("/sta/v1.1/MultiDatastreams(" + multi + ")/ObservedProperties")).containsExactly("風速", "雨量");
        assertThat(get("/sta/v1.1/MultiDatastreams(" + multi + ")?$expand=ObservedProperties").path("ObservedProperties").findValuesAsText("name"))
                .containsExactly("風速", "雨量");
        assertThat(names("/sta/v1.1/MultiDatastreams(" + multi + ")/ObservedProperties?$orderby=name")).as("unless asked otherwise")
                .containsExactly("雨量", "風速");
    }

    @Test
    void observationsCarryAnArrayResultAndAreReadWithQueryOptionsAndNavigationBothWays() throws Exception {
        long multi = multiOf(station("津和野 気象観測所"));

        long first = id(post("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations",
                "{\"phenomenonTime\": \"2026-12-08T09:00:00+09:00\", \"result\": [4.5, 81]}"));
        long second = id(post("/sta/v1.1/Observations",
                "{\"phenomenonTime\": \"2026-12-08T10:00:00+09:00\", \"result\": [6.25, 74], \"MultiDatastream\": {\"@iot.id\": " + multi + "}}"));

        JsonNode page = get("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations?$count=true&$top=1&$orderby=" + encode("phenomenonTime desc"));
        assertThat(page.path("@iot.count").asLong()).isEqualTo(2);
        assertThat(page.path("value").get(0).path("result").toString()).isEqualTo("[6.25,74]");
        assertThat(page.path("@iot.nextLink").asText()).contains("$skip=1");
        JsonNode observation = get("/sta/v1.1/Observations(" + first + ")?$expand=MultiDatastream,Datastream,FeatureOfInterest");
        assertThat(observation.path("MultiDatastream").path("name").asText()).isEqualTo("気温・湿度");
        assertThat(observation.path("Datastream").isNull()).as("one or the other").isTrue();
        assertThat(observation.path("FeatureOfInterest").path("name").asText()).as("made from the Thing's Location").isEqualTo("津和野 気象観測所 地点");
        assertThat(get("/sta/v1.1/Observations(" + second + ")/MultiDatastream").path("@iot.id").asLong()).isEqualTo(multi);
        assertThat(send("GET", "/sta/v1.1/Observations(" + second + ")/Datastream", null).statusCode()).isEqualTo(404);
        JsonNode filtered = get("/sta/v1.1/Observations?$select=result&$filter=" + encode("MultiDatastream/id eq " + multi
                + " and phenomenonTime ge 2026-12-08T00:30:00Z"));
        assertThat(filtered.path("value")).singleElement().satisfies(one -> assertThat(one.toString()).isEqualTo("{\"result\":[6.25,74]}"));
        JsonNode expanded = get("/sta/v1.1/MultiDatastreams(" + multi + ")?$select=name,phenomenonTime&$expand="
                + encode("Observations($orderby=phenomenonTime desc;$top=1;$select=result;$count=true)"));
        assertThat(expanded.path("Observations@iot.count").asLong()).isEqualTo(2);
        assertThat(expanded.path("Observations").get(0).path("result").toString()).isEqualTo("[6.25,74]");
        assertThat(expanded.path("phenomenonTime").asText()).as("kept by the server").isEqualTo("2026-12-08T00:00:00Z/2026-12-08T01:00:00Z");
        assertThat(names("/sta/v1.1/MultiDatastreams?$filter=" + encode("ObservedProperties/any(p: p/name eq '湿度') and Thing/name eq '津和野 気象観測所'")))
                .containsExactly("気温・湿度");
        assertThat(names("/sta/v1.1/Things?$filter=" + encode("MultiDatastreams/any(m: m/Observations/any(o: o/phenomenonTime eq 2026-12-08T01:00:00Z))")))
                .containsExactly("津和野 気象観測所");
        assertThat(jdbc.queryForObject("select count(*) from sta_aggregate_pending where hour = '2026-12-08T00:00:00Z'", Long.class))
                .as("aggregates are a Datastream's").isZero();
    }

    @Test
    void theSpecsRulesAreRefusedAsProblemsNamingTheFieldAndNothingIsKept() throws Exception {
        long thing = station("日原 気象観測所");
        long multi = multiOf(thing);
        String twoProperties = """
                "Sensor": {"name": "s", "encodingType": "text/plain", "metadata": "m"},
                "ObservedProperties": [{"name": "気温", "definition": "http://vocabs.example.jp/air-temperature"},
                                       {"name": "湿度", "definition": "http://vocabs.example.jp/relative-humidity"}]""";
        long propertiesBefore = jdbc.queryForObject("select count(*) from sta_observed_property", Long.class);

        assertProblem(post("/sta/v1.1/Things(" + thing + ")/MultiDatastreams", """
                {"name": "x", "multiObservationDataTypes": ["%1$s", "%1$s"], "unitOfMeasurements": [{"name": "degree Celsius", "symbol": "degC"}],
                 %2$s}""".formatted(MEASUREMENT, twoProperties)), "unitOfMeasurements");
        assertProblem(post("/sta/v1.1/Things(" + thing + ")/MultiDatastreams", """
                {"name": "x", "multiObservationDataTypes": ["%1$s"], "unitOfMeasurements": [{"symbol": "degC"}, {"symbol": "%%"}], %2$s}"""
                .formatted(MEASUREMENT, twoProperties)), "multiObservationDataTypes");
        assertProblem(post("/sta/v1.1/Things(" + thing + ")/MultiDatastreams", """
                {"name": "x", "observationType": "%1$s", "multiObservationDataTypes": ["%1$s", "%1$s"],
                 "unitOfMeasurements": [{"symbol": "degC"}, {"symbol": "%%"}], %2$s}""".formatted(MEASUREMENT, twoProperties)), "observationType");
        assertThat(names("/sta/v1.1/Things(" + thing + ")/MultiDatastreams")).as("none of those").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from sta_observed_property", Long.class))
                .as("nor their deep-inserted ObservedProperties").isEqualTo(propertiesBefore);

        assertProblem(post("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations", "{\"result\": [4.5, 81, 3]}"), "result");
        assertProblem(post("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations", "{\"result\": 4.5}"), "result");
        long datastream = id(post("/sta/v1.1/Things(" + thing + ")/Datastreams", """
                {"name": "雨量", "observationType": "%s", "unitOfMeasurement": {"symbol": "mm"},
                 "Sensor": {"name": "s", "encodingType": "text/plain", "metadata": "m"},
                 "ObservedProperty": {"name": "雨量", "definition": "http://vocabs.example.jp/rainfall"}}""".formatted(MEASUREMENT)));
        assertProblem(post("/sta/v1.1/Observations", "{\"result\": [1, 2], \"Datastream\": {\"@iot.id\": " + datastream
                + "}, \"MultiDatastream\": {\"@iot.id\": " + multi + "}}"), "not both");
        assertProblem(send("PATCH", "/sta/v1.1/MultiDatastreams(" + multi + ")",
                "{\"unitOfMeasurements\": [{\"symbol\": \"degC\"}, {\"symbol\": \"%\"}, {\"symbol\": \"hPa\"}]}"), "unitOfMeasurements");
        assertThat(get("/sta/v1.1/MultiDatastreams(" + multi + ")").path("unitOfMeasurements")).as("unchanged").hasSize(2);
        long observation = id(post("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations", "{\"result\": [4.5, 81]}"));
        assertProblem(send("PATCH", "/sta/v1.1/Observations(" + observation + ")", "{\"result\": [4.5]}"), "result");
        assertThat(get("/sta/v1.1/Observations(" + observation + ")").path("result").toString()).isEqualTo("[4.5,81]");
        long lone = id(post("/sta/v1.1/ObservedProperties", "{\"name\": \"気圧\", \"definition\": \"http://vocabs.example.jp/pressure\"}"));
        assertProblem(post("/sta/v1.1/MultiDatastreams(" + multi + ")/ObservedProperties/$ref", "{\"@iot.id\": " + lone + "}"), "unitOfMeasurements");
        assertThat(names("/sta/v1.1/MultiDatastreams(" + multi + ")/ObservedProperties")).containsExactly("気温", "湿度");
    }

    @Test
    void aMultiDatastreamChangesWholeAndItsObservationsGoWithIt() throws Exception {
        long thing = station("吉賀 気象観測所");
        long multi = multiOf(thing);
        long observation = id(post("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations", "{\"result\": [4.5, 81]}"));

        HttpResponse<String> patched = send("PATCH", "/sta/v1.1/MultiDatastreams(" + multi + ")", """
                {"name": "気温・湿度・気圧", "multiObservationDataTypes": ["%1$s", "%1$s", "%1$s"],
                 "unitOfMeasurements": [{"symbol": "degC"}, {"symbol": "%%"}, {"symbol": "hPa"}],
                 "ObservedProperties": [{"name": "気温", "definition": "a"}, {"name": "湿度", "definition": "h"}, {"name": "気圧", "definition": "p"}]}"""
                .formatted(MEASUREMENT));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(names("/sta/v1.1/MultiDatastreams(" + multi + ")/ObservedProperties")).containsExactly("気温", "湿度", "気圧");
        assertThat(send("PATCH", "/sta/v1.1/Observations(" + observation + ")", "{\"result\": [4.5, 81, 1012]}").statusCode()).isEqualTo(200);
        long another = id(post("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations", "{\"result\": [5, 80, 1011]}"));
        assertThat(send("DELETE", "/sta/v1.1/Observations(" + another + ")", null).statusCode()).isEqualTo(200);
        assertThat(get("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations").path("value")).hasSize(1);

        assertThat(send("DELETE", "/sta/v1.1/MultiDatastreams(" + multi + ")", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/sta/v1.1/Observations(" + observation + ")", null).statusCode()).isEqualTo(404);
        assertThat(get("/sta/v1.1/Things(" + thing + ")").path("name").asText()).isEqualTo("吉賀 気象観測所");

        long other = multiOf(station("六日市 気象観測所"));
        long humidity = get("/sta/v1.1/MultiDatastreams(" + other + ")/ObservedProperties").path("value").get(1).path("@iot.id").asLong();
        assertThat(send("DELETE", "/sta/v1.1/ObservedProperties(" + humidity + ")", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/sta/v1.1/MultiDatastreams(" + other + ")", null).statusCode())
                .as("gone with its ObservedProperty, as a Datastream would be").isEqualTo(404);
    }

    @Test
    void aDataArrayStoresMultiDatastreamAndDatastreamReadingsTogetherAndReadsBackInTheSameForm() throws Exception {
        long thing = station("益田 第二観測所");
        long multi = multiOf(thing);
        long datastream = id(post("/sta/v1.1/Things(" + thing + ")/Datastreams", """
                {"name": "雨量", "observationType": "%s", "unitOfMeasurement": {"symbol": "mm"},
                 "Sensor": {"name": "s", "encodingType": "text/plain", "metadata": "m"},
                 "ObservedProperty": {"name": "雨量", "definition": "http://vocabs.example.jp/rainfall"}}""".formatted(MEASUREMENT)));

        HttpResponse<String> created = post("/sta/v1.1/CreateObservations", """
                [{"MultiDatastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"],
                  "dataArray": [["2026-12-08T00:00:00Z", [3.5, 90]], ["2026-12-08T00:10:00Z", [3.75, 88]]]},
                 {"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"], "dataArray": [["2026-12-08T00:00:00Z", 1.5]]}]"""
                .formatted(multi, datastream));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body())).hasSize(3);
        JsonNode read = get("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations?$resultFormat=dataArray&$select=phenomenonTime,result&$orderby=phenomenonTime");
        JsonNode group = read.path("value").get(0);
        assertThat(group.path("MultiDatastream@iot.navigationLink").asText()).endsWith("/MultiDatastreams(" + multi + ")");
        assertThat(group.path("dataArray").toString()).isEqualTo("[[\"2026-12-08T00:00:00Z\",[3.5,90]],[\"2026-12-08T00:10:00Z\",[3.75,88]]]");
        ((com.fasterxml.jackson.databind.node.ArrayNode) group.path("dataArray")).removeAll()
                .add(json.readTree("[\"2026-12-08T00:20:00Z\", [4, 85]]"));
        HttpResponse<String> again = post("/sta/v1.1/CreateObservations", "[" + group + "]");
        assertThat(again.statusCode()).as("what was read can be posted: " + again.body()).isEqualTo(201);
        assertThat(get("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations?$count=true&$top=0").path("@iot.count").asLong()).isEqualTo(3);

        assertProblem(post("/sta/v1.1/CreateObservations", """
                [{"MultiDatastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"],
                  "dataArray": [["2026-12-08T01:00:00Z", [3.5, 90]], ["2026-12-08T01:10:00Z", [3.75]]]}]""".formatted(multi)), "result");
        assertThat(get("/sta/v1.1/MultiDatastreams(" + multi + ")/Observations?$count=true&$top=0").path("@iot.count").asLong())
                .as("all or nothing").isEqualTo(3);
    }

    /** A weather station with its Location and a temperature-and-humidity MultiDatastream, in one deep insert. */
    private long station(String name) throws Exception {
        HttpResponse<String> created = post("/sta/v1.1/Things", """
                {"name": "%1$s",
                 "Locations": [{"name": "%1$s 地点", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [131.85, 34.67]}}],
                 "MultiDatastreams": [{"name": "気温・湿度", "description": "Air temperature and relative humidity every 10 minutes",
                   "multiObservationDataTypes": ["%2$s", "%2$s"],
                   "unitOfMeasurements": [{"name": "degree Celsius", "symbol": "degC", "definition": "http://qudt.org/vocab/unit/DEG_C"},
                                          {"name": "percent", "symbol": "%%", "definition": "http://qudt.org/vocab/unit/PERCENT"}],
                   "Sensor": {"name": "WXT536", "encodingType": "text/plain", "metadata": "Vaisala WXT536"},
                   "ObservedProperties": [{"name": "気温", "definition": "http://vocabs.example.jp/air-temperature"},
                                          {"name": "湿度", "definition": "http://vocabs.example.jp/relative-humidity"}]}]}"""
                .formatted(name, MEASUREMENT));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id(created);
    }

    private long multiOf(long thing) throws Exception {
        return get("/sta/v1.1/Things(" + thing + ")/MultiDatastreams").path("value").get(0).path("@iot.id").asLong();
    }

    private long id(HttpResponse<String> created) throws Exception {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("@iot.id").asLong();
    }

    private List<String> names(String path) throws Exception {
        List<String> names = new ArrayList<>();
        get(path).path("value").forEach(entity -> names.add(entity.path("name").asText()));
        return names;
    }

    private void assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asText()).as(response.body()).contains(field);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }
}
