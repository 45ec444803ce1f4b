package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SensorThings API's JSON as it travels: writes and their refusals, references, batches, filters along paths and with functions, $select, dataArray. */
class SensorThingsApiTest extends RunningSensors {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void movingAThingToANewLocationRecordsAHistoricalLocationAndPatchChangesOnlyWhatIsGiven() throws Exception {
        long thing = gauge("匹見川 水位計", 131.95, 34.55);

        HttpResponse<String> patched = send("PATCH", "/sta/v1.1/Things(" + thing + ")", """
                {"description": "moved upstream after the flood",
                 "Locations": [{"name": "匹見橋", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [131.96, 34.56]}}]}""");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode read = get("/sta/v1.1/Things(" + thing + ")?$expand=Locations,HistoricalLocations($orderby=time desc;$expand=Locations)");
        assertThat(read.path("name").asText()).isEqualTo("匹見川 水位計");
        assertThat(read.path("description").asText()).isEqualTo("moved upstream after the flood");
        assertThat(read.path("Locations")).singleElement().satisfies(location -> assertThat(location.path("name").asText()).isEqualTo("匹見橋"));
        assertThat(read.path("HistoricalLocations")).hasSize(2);
        assertThat(read.path("HistoricalLocations").get(0).path("Locations").get(0).path("name").asText()).isEqualTo("匹見橋");
        long datastream = get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
        long observation = id(post("/sta/v1.1/Datastreams(" + datastream + ")/Observations", "{\"result\": 0.7}"));
        assertThat(get("/sta/v1.1/Observations(" + observation + ")/FeatureOfInterest").path("feature").path("coordinates").toString())
                .as("observed where the Thing is now").isEqualTo("[131.96,34.56]");
    }

    @Test
    void putReplacesAThingWholeSoWhatIsLeftOutIsClearedWhileItsLinksStay() throws Exception {
        long thing = gauge("三隅川 水位計", 131.97, 34.78);
        send("PATCH", "/sta/v1.1/Things(" + thing + ")", "{\"description\": \"the old gauge\"}");

        HttpResponse<String> replaced = send("PUT", "/sta/v1.1/Things(" + thing + ")", "{\"name\": \"三隅川 水位計 二号\"}");

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json.readTree(replaced.body()).path("name").asText()).isEqualTo("三隅川 水位計 二号");
        JsonNode read = get("/sta/v1.1/Things(" + thing + ")?$expand=Locations,Datastreams");
        assertThat(read.path("description").asText()).as("left out, so back to its default").isEmpty();
        assertThat(read.hasNonNull("properties")).as("left out, so back to its default (none)").isFalse();
        assertThat(read.path("Locations")).as("links are not properties").hasSize(1);
        assertThat(read.path("Datastreams")).hasSize(1);
    }

    @Test
    void putNeedsEveryRequiredPropertyLeavesWhatTheServerKeepsAndMovesTheLinksItGives() throws Exception {
        long thing = gauge("浜田川 雨量計", 132.08, 34.89);
        long other = gauge("浜田川 水位計", 132.09, 34.90);
        long datastream = get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
        post("/sta/v1.1/Datastreams(" + datastream + ")/Observations", "{\"result\": 2, \"phenomenonTime\": \"2026-05-01T00:00:00Z\"}");
        String address = "/sta/v1.1/Datastreams(" + datastream + ")";

        assertProblem(send("PUT", address, "{\"name\": \"水位\"}"), 400, "needs its observationType; PATCH changes only what is given");
        assertThat(get(address).path("name").asText()).as("a refused PUT changes nothing").isEqualTo("雨量");
        HttpResponse<String> replaced = send("PUT", address, """
                {"name": "水位", "observationType": "%s", "unitOfMeasurement": {"name": "metre", "symbol": "m"},
                 "Thing": {"@iot.id": %d}}""".formatted(MEASUREMENT, other));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode read = get(address + "?$expand=Thing,Sensor");
        assertThat(read.path("name").asText()).isEqualTo("水位");
        assertThat(read.path("unitOfMeasurement").path("symbol").asText()).isEqualTo("m");
        assertThat(read.path("phenomenonTime").asText()).as("kept by the server").startsWith("2026-05-01T00:00:00Z");
        assertThat(read.path("Thing").path("name").asText()).as("the link given moves").isEqualTo("浜田川 水位計");
        assertThat(read.path("Sensor").path("name").asText()).as("the link left out stays").isEqualTo("gauge");
    }

    @Test
    void anyAndAllAskWhetherSomeOrEveryMemberOfACollectionMatches() throws Exception {
        long levelAndRain = gauge("阿武川 水位計", 131.60, 34.40);
        post("/sta/v1.1/Things(" + levelAndRain + ")/Datastreams", """
                {"name": "水位", "observationType": "%s", "unitOfMeasurement": {"name": "metre", "symbol": "m"},
                 "Sensor": {"name": "radar", "encodingType": "text/plain", "metadata": "R-3"},
                 "ObservedProperty": {"name": "水位", "definition": "http://vocabs.example.jp/water-level"}}""".formatted(MEASUREMENT));
        long rainOnly = gauge("阿武川 雨量計", 131.61, 34.41);
        post("/sta/v1.1/Things", "{\"name\": \"阿武川 予定地\", \"properties\": {\"river\": \"阿武川\"}}");
        long rain = get("/sta/v1.1/Things(" + rainOnly + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
        post("/sta/v1.1/Datastreams(" + rain + ")/Observations", "{\"result\": 12.5}");
        String things = "/sta/v1.1/Things?$filter=";
        String onTheRiver = " and properties/river eq '阿武川'";

        assertThat(names(things + encode("Datastreams/any(d: d/name eq '水位')" + onTheRiver))).containsExactly("阿武川 水位計");
        assertThat(names(things + encode("Datastreams/all(d: d/name eq '雨量')" + onTheRiver)))
                .as("all holds for a Thing with no Datastreams too").containsExactlyInAnyOrder("阿武川 雨量計", "阿武川 予定地");
        assertThat(names(things + encode("Datastreams/any()" + onTheRiver))).containsExactlyInAnyOrder("阿武川 水位計", "阿武川 雨量計");
        assertThat(names(things + encode("Datastreams/any(d: d/Observations/any(o: o/result gt 10))" + onTheRiver)))
                .as("nested, over each datastream's observations").containsExactly("阿武川 雨量計");
        assertThat(names(things + encode("Datastreams/any(d: d/name eq '雨量' and endswith(name, '水位計'))" + onTheRiver)))
                .as("a path without the variable is the Thing's own").containsExactly("阿武川 水位計");
        assertThat(names(things + encode("not Datastreams/all(d: d/ObservedProperty/name eq '雨量')" + onTheRiver))).containsExactly("阿武川 水位計");
        String expand = "/sta/v1.1/Things(" + rainOnly + ")?$expand=";
        assertThat(get(expand + encode("Datastreams($filter=Observations/any(o: o/result ge 12.5))")).path("Datastreams")).as("inside $expand too")
                .hasSize(1);
        assertThat(get(expand + encode("Datastreams($filter=Observations/any(o: o/result gt 12.5))")).path("Datastreams")).isEmpty();
        assertThat(names(things + encode("Datastreams/any(d: d/name eq 'x'' or true or ''x')" + onTheRiver)))
                .as("a quoted value stays a value").isEmpty();
        assertProblem(send("GET", things + encode("Datastreams/any(d: d/colour eq 'x')"), null), 400, "Datastream has no property or navigation 'colour'");
        assertProblem(send("GET", things + encode("Datastreams/any(d d/name eq 'x')"), null), 400, "position 18: expected ':'");
        assertProblem(send("GET", things + encode("name/any(n: n eq 'x')"), null), 400, "any() takes a collection of related entities");
        assertProblem(send("GET", things + encode("Datastreams/any(d: d/Observations/any(d: d/result gt 1))"), null), 400, "'d' is already in use");
    }

    @Test
    void theNewestObservationOfEachDatastreamIsTheNewestWhetherFlaggedOrNot() throws Exception {
        long flaggedLast = rainDatastream(gauge("益田川 雨量計", 131.70, 34.60));
        long onlyFlagged = rainDatastream(gauge("益田川 上流", 131.71, 34.61));
        long none = rainDatastream(gauge("益田川 予定地", 131.72, 34.62));
        post("/sta/v1.1/Datastreams(" + flaggedLast + ")/Observations", "{\"phenomenonTime\": \"2026-12-08T00:00:00Z\", \"result\": 1.5}");
        post("/sta/v1.1/Datastreams(" + flaggedLast + ")/Observations", "{\"phenomenonTime\": \"2026-12-08T01:00:00Z\", \"result\": 2.5}");
        post("/sta/v1.1/Datastreams(" + flaggedLast + ")/Observations", "{\"phenomenonTime\": \"2026-12-08T01:00:00Z\", \"result\": 3.5}");
        String flagged = "\"resultQuality\": {\"qualityFlags\": [\"sensor-fault\"]}";
        post("/sta/v1.1/Datastreams(" + flaggedLast + ")/Observations", "{\"phenomenonTime\": \"2026-12-08T02:00:00Z\", \"result\": 99, " + flagged + "}");
        post("/sta/v1.1/Datastreams(" + onlyFlagged + ")/Observations", "{\"phenomenonTime\": \"2026-12-08T00:30:00Z\", \"result\": 98, " + flagged + "}");
        JsonNode newest = get("/sta/v1.1/Datastreams?$orderby=id&$filter=" + encode("id ge " + flaggedLast + " and id le " + none)
                + "&$expand=" + encode("Observations($orderby=phenomenonTime desc;$top=1)")).path("value");
        assertThat(newest.get(0).path("Observations").get(0).path("result").asDouble()).as("the flagged newest, not the kept latest valid").isEqualTo(99);
        assertThat(newest.get(1).path("Observations").get(0).path("result").asDouble()).as("a datastream with no valid reading").isEqualTo(98);
        assertThat(newest.get(2).path("Observations")).as("one with none").isEmpty();
        JsonNode belowFlagged = get("/sta/v1.1/Datastreams(" + flaggedLast + ")?$expand="
                + encode("Observations($orderby=phenomenonTime desc;$top=1;$filter=result lt 50)"));
        assertThat(belowFlagged.path("Observations").get(0).path("result").asDouble()).as("of two at the same time, the later stored").isEqualTo(3.5);
        JsonNode beforeAll = get("/sta/v1.1/Datastreams(" + flaggedLast + ")?$expand="
                + encode("Observations($orderby=phenomenonTime desc;$top=1;$filter=phenomenonTime lt 2026-12-08T01:00:00Z)"));
        assertThat(beforeAll.path("Observations").get(0).path("result").asDouble()).as("older than the kept latest valid").isEqualTo(1.5);
    }

    @Test
    void referencesLinkAThingToAFurtherLocationAndUnlinkIt() throws Exception {
        long thing = gauge("周布川 水位計", 132.00, 34.80);
        long bridge = id(post("/sta/v1.1/Locations", """
                {"name": "周布橋", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [132.01, 34.81]}}"""));

        HttpResponse<String> linked = post("/sta/v1.1/Things(" + thing + ")/Locations/$ref",
                "{\"@iot.selfLink\": \"http://elsewhere.example/sta/v1.1/Locations(" + bridge + ")\"}");

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(204);
        assertThat(names("/sta/v1.1/Things(" + thing + ")/Locations")).containsExactlyInAnyOrder("周布川 水位計 地点", "周布橋");
        assertThat(get("/sta/v1.1/Things(" + thing + ")/HistoricalLocations?$count=true").path("@iot.count").asInt()).isEqualTo(2);
        assertThat(send("DELETE", "/sta/v1.1/Things(" + thing + ")/Locations/$ref?$id=" + encode("Locations(" + bridge + ")"), null).statusCode())
                .isEqualTo(200);
        assertThat(names("/sta/v1.1/Things(" + thing + ")/Locations")).containsExactly("周布川 水位計 地点");
        assertProblem(post("/sta/v1.1/Things(" + thing + ")/Locations/$ref", "{\"@iot.id\": 999999}"), 404, "Locations(999999)");
    }

    @Test
    void deletingAThingDeletesItsDatastreamsAndTheirObservations() throws Exception {
        long thing = gauge("益田川 水位計", 131.85, 34.68);
        long datastream = get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
        long observation = id(post("/sta/v1.1/Datastreams(" + datastream + ")/Observations", "{\"result\": 0.4}"));

        assertThat(send("DELETE", "/sta/v1.1/Things(" + thing + ")", null).statusCode()).isEqualTo(200);

        HttpResponse<String> gone = send("GET", "/sta/v1.1/Datastreams(" + datastream + ")", null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json.readTree(gone.body()).path("type").asText()).isEqualTo("urn:chizu:problem:sensors-not-found");
        assertThat(send("GET", "/sta/v1.1/Observations(" + observation + ")", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/sta/v1.1/Robots", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aWriteThatCannotBeTakenIsA400NamingWhereAndStoresNothing() throws Exception {
        long things = jdbc.queryForObject("select count(*) from sta_thing", Long.class);

        HttpResponse<String> noUnit = post("/sta/v1.1/Things", """
                {"name": "雨量計", "Datastreams": [{"name": "雨量", "observationType": "%s",
                  "Sensor": {"name": "tipping bucket", "encodingType": "text/plain", "metadata": "TB-1"},
                  "ObservedProperty": {"name": "雨量", "definition": "http://vocabs.example.jp/rainfall"}}]}""".formatted(MEASUREMENT));
        HttpResponse<String> unknownProperty = post("/sta/v1.1/Things", "{\"name\": \"雨量計\", \"colour\": \"red\"}");
        HttpResponse<String> badPoint = post("/sta/v1.1/Locations", """
                {"name": "どこか", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": ["east", "north"]}}""");
        HttpResponse<String> badTime = post("/sta/v1.1/Observations", "{\"result\": 1, \"phenomenonTime\": \"yesterday\", \"Datastream\": {\"@iot.id\": 1}}");

        assertProblem(noUnit, 400, "Datastreams[0]");
        assertThat(json.readTree(noUnit.body()).path("detail").asText()).contains("unitOfMeasurement");
        assertProblem(unknownProperty, 400, "colour");
        assertProblem(badPoint, 400, "[\"east\",\"north\"]");
        assertProblem(badTime, 400, "yesterday");
        assertThat(jdbc.queryForObject("select count(*) from sta_thing", Long.class)).isEqualTo(things);
    }

    @Test
    void filtersReachAlongPathsIntoPropertiesAndUseFunctions() throws Exception {
        long thing = gauge("高津川 土壌水分計", 131.80, 34.60);
        long datastream = get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
        post("/sta/v1.1/CreateObservations", """
                [{"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"],
                  "dataArray": [["2025-07-14T03:00:00Z", 31.5], ["2025-07-14T04:00:00Z", 28.0], ["2025-07-15T03:00:00Z", "dry"]]}]""".formatted(datastream));

        assertThat(names("/sta/v1.1/Things?$filter=" + encode("properties/river eq '高津川' and startswith(name, '高津川') and length(name) gt 3")))
                .contains("高津川 土壌水分計");
        assertThat(results("/sta/v1.1/Observations?$filter=" + encode("Datastream/Thing/name eq '高津川 土壌水分計' and hour(phenomenonTime) eq 3")))
                .containsExactly("31.5", "dry");
        assertThat(results("/sta/v1.1/Datastreams(" + datastream + ")/Observations?$filter=" + encode("result add 1 gt 30 or result eq 'dry'")))
                .containsExactly("31.5", "dry");
        assertThat(results("/sta/v1.1/Observations?$filter=" + encode("Datastream/id eq " + datastream + " and date(phenomenonTime) eq 2025-07-14")
                + "&$orderby=" + encode("result desc"))).containsExactly("31.5", "28");
        JsonNode array = get("/sta/v1.1/Datastreams(" + datastream + ")/Observations?$resultFormat=dataArray&$select=phenomenonTime,result"
                + "&$orderby=phenomenonTime").path("value");
        assertThat(array).singleElement().satisfies(group -> {
            assertThat(group.path("Datastream@iot.navigationLink").asText()).endsWith("/Datastreams(" + datastream + ")");
            assertThat(group.path("components").toString()).isEqualTo("[\"phenomenonTime\",\"result\"]");
            assertThat(group.path("dataArray@iot.count").asInt()).isEqualTo(3);
            assertThat(group.path("dataArray").get(0).toString()).isEqualTo("[\"2025-07-14T03:00:00Z\",31.5]");
        });
        assertProblem(send("GET", "/sta/v1.1/Things?$filter=" + encode("shout(name) eq 'X'"), null), 400, "position 0");
        assertProblem(send("GET", "/sta/v1.1/Things?$filter=" + encode("name eq 3"), null), 400, "position 8: expected text but found a number");
        assertThat(names("/sta/v1.1/Things?$filter=" + encode("Datastreams/ObservedProperty/name eq '雨量' and properties/river eq '高津川'")))
                .as("any of its datastreams").contains("高津川 土壌水分計");
        assertThat(names("/sta/v1.1/Things?$filter=" + encode("Datastreams/name eq '気温'"))).isEmpty();
        assertProblem(send("GET", "/sta/v1.1/Things?$filter=" + encode("name eq 'x' and length(Datastreams/name) gt 1"), null), 400,
                "position 23: this path leads to many values");
        assertProblem(send("GET", "/sta/v1.1/Observations?$filter=" + encode("Datastream/Thing/Locations/name eq 'x'"), null), 400,
                "position 0: a path may lead to many entities only in its first step");
    }

    @Test
    void aDatastreamShowsTheTimeAndAreaItsObservationsCoverAndSelectKeepsWhatIsNamed() throws Exception {
        long thing = gauge("吉賀 雨量計", 131.90, 34.40);
        long datastream = get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
        post("/sta/v1.1/Datastreams(" + datastream + ")/Observations", "{\"result\": 3, \"phenomenonTime\": \"2026-06-01T00:00:00Z\"}");
        post("/sta/v1.1/Datastreams(" + datastream + ")/Observations", "{\"result\": 5, \"phenomenonTime\": \"2026-06-02T00:00:00Z/2026-06-02T01:00:00Z\"}");

        JsonNode read = get("/sta/v1.1/Datastreams(" + datastream + ")?$select=id,phenomenonTime,observedArea");

        assertThat(read.path("phenomenonTime").asText()).isEqualTo("2026-06-01T00:00:00Z/2026-06-02T01:00:00Z");
        assertThat(read.path("observedArea").path("coordinates").toString()).isEqualTo("[131.9,34.4]");
        assertThat(iterable(read.fieldNames())).containsExactlyInAnyOrder("@iot.id", "phenomenonTime", "observedArea");
        JsonNode observation = get("/sta/v1.1/Datastreams(" + datastream + ")/Observations?$orderby=phenomenonTime desc&$top=1&$expand=Datastream($select=name)")
                .path("value").get(0);
        assertThat(observation.path("phenomenonTime").asText()).isEqualTo("2026-06-02T00:00:00Z/2026-06-02T01:00:00Z");
        assertThat(observation.path("Datastream").path("name").asText()).isEqualTo("雨量");
        String readings = "/sta/v1.1/Datastreams(" + datastream + ")/Observations?$filter=";
        assertThat(results(readings + encode("phenomenonTime lt 2026-06-02T00:30:00Z"))).as("an interval is before a time once it ended").containsExactly("3");
        assertThat(results(readings + encode("phenomenonTime le 2026-06-02T01:00:00Z"))).containsExactly("3", "5");
        assertThat(results(readings + encode("phenomenonTime gt 2026-06-01T12:00:00Z"))).containsExactly("5");
    }

    @Test
    void aBatchRunsInOrderReferencesWhatItCreatedAndFailsAnAtomicityGroupWhole() throws Exception {
        HttpResponse<String> answer = post("/sta/v1.1/$batch", """
                {"requests": [
                  {"id": "1", "atomicityGroup": "gauge", "method": "post", "url": "Things", "body": {"name": "バッチ水位計"}},
                  {"id": "2", "atomicityGroup": "gauge", "method": "post", "url": "$1/Datastreams",
                   "body": {"name": "水位", "observationType": "%s", "unitOfMeasurement": {"name": "metre", "symbol": "m"},
                            "Sensor": {"name": "radar", "encodingType": "text/plain", "metadata": "R-2"},
                            "ObservedProperty": {"name": "水位", "definition": "http://vocabs.example.jp/water-level"}}},
                  {"id": "3", "method": "get", "url": "Things?$filter=name%%20eq%%20'バッチ水位計'&$expand=Datastreams"},
                  {"id": "4", "atomicityGroup": "broken", "method": "post", "url": "Things", "body": {"name": "消える水位計"}},
                  {"id": "5", "atomicityGroup": "broken", "method": "post", "url": "Things", "body": {"colour": "red"}}
                ]}""".formatted(MEASUREMENT));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode responses = json.readTree(answer.body()).path("responses");
        assertThat(responses).extracting(response -> response.path("status").asInt()).containsExactly(201, 201, 200, 400, 400);
        assertThat(responses.get(0).path("location").asText()).contains("/sta/v1.1/Things(");
        assertThat(responses.get(2).path("body").path("value").get(0).path("Datastreams")).hasSize(1);
        assertThat(responses.get(4).path("body").path("detail").asText()).contains("colour");
        assertThat(names("/sta/v1.1/Things?$filter=" + encode("name eq '消える水位計'"))).isEmpty();
    }

    @Test
    void aThingNamesTheDevicesThatMayPublishItsReadingsOverMqttAsANameOrAList() throws Exception {
        assertThat(post("/sta/v1.1/Things", "{\"name\": \"水位計 匹見\", \"properties\": {\"device\": [\"水位計 1\", \"水位計 2\"]}}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> refused = post("/sta/v1.1/Things", "{\"name\": \"水位計 匹見\", \"properties\": {\"device\": 7}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("detail").asText()).contains("properties.device names the device");
    }

    @Test
    void malformedRequestsAreProblemsAndNeverServerErrors() throws Exception {
        long thing = gauge("試験 水位計", 131.70, 34.50);
        List<String> queries = List.of("Things?$top=abc", "Things?$skip=-1", "Things?$expand=Robots", "Things?$select=colour",
                "Locations?$orderby=location", "Things?$filter=" + encode("substring(name, 'x')"), "Things?$filter=" + encode("year(name) eq 1"),
                "Observations?$filter=" + encode("phenomenonTime gt '2026'"),
                "Locations?$filter=" + encode("geo.intersects(location, geography'POLYGON((0 0, 1 1))')"),
                "Locations?$filter=" + encode("st_within(location, geography'SRID=99999;POINT(1 1)')"),
                "Things?$filter=" + encode("name eq 'unclosed"), "Things?$count=maybe", "Things(abc)", "Things(99999999999999999999)",
                "Things?$resultFormat=csv", "Things?$expand=" + encode("Datastreams($top=1"), "Things?$filter=" + encode("(name eq 'x'"),
                "Things(" + thing + ")/Datastreams(1)/Thing/Locations?$filter=" + encode("name eq 1"),
                "Things?$filter=" + encode("Datastreams/name eq null"), "Things?$orderby=" + encode("Datastreams/name"),
                "Things?$filter=" + encode("Datastreams/name eq Locations/name"));
        for (String query : queries) {
            HttpResponse<String> response = send("GET", "/sta/v1.1/" + query, null);
            assertThat(response.statusCode()).as(query + " → " + response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(query).startsWith("application/problem+json");
        }
        assertThat(send("POST", "/sta/v1.1/Things", "{\"name\": ").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/sta/v1.1/Observations", "{\"Datastream\": {\"@iot.id\": 1}}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/sta/v1.1/Things(" + thing + ")", "{}").statusCode()).isEqualTo(400);
    }

    /** A Thing with its Location and a rainfall or level datastream, deep-inserted; returns its id. */
    private long gauge(String name, double lon, double lat) throws Exception {
        HttpResponse<String> created = post("/sta/v1.1/Things", """
                {"name": "%s", "properties": {"river": "%s"},
                 "Locations": [{"name": "%s", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [%s, %s]}}],
                 "Datastreams": [{"name": "雨量", "observationType": "%s", "unitOfMeasurement": {"name": "millimetre", "symbol": "mm"},
                                  "Sensor": {"name": "gauge", "encodingType": "text/plain", "metadata": "G-1"},
                                  "ObservedProperty": {"name": "雨量", "definition": "http://vocabs.example.jp/rainfall"}}]}"""
                .formatted(name, name.split(" ")[0], name + " 地点", lon, lat, MEASUREMENT));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id(created);
    }

    /** The rainfall datastream of a gauge made by {@link #gauge}. */
    private long rainDatastream(long thing) throws Exception {
        return get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
    }

    private long id(HttpResponse<String> created) throws Exception {
        return json.readTree(created.body()).path("@iot.id").asLong();
    }

    private List<String> names(String path) throws Exception {
        List<String> names = new ArrayList<>();
        get(path).path("value").forEach(entity -> names.add(entity.path("name").asText()));
        return names;
    }

    private List<String> results(String path) throws Exception {
        List<String> results = new ArrayList<>();
        get(path).path("value").forEach(entity -> results.add(entity.path("result").asText()));
        return results;
    }

    private void assertProblem(HttpResponse<String> response, int status, String detailContains) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asText()).contains(detailContains);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
