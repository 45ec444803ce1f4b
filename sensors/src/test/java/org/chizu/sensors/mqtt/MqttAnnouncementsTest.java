package org.chizu.sensors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.sensors.mqtt.MqttObservationsTest.await;
import static org.chizu.sensors.mqtt.MqttObservationsTest.awaitSignIn;
import static org.chizu.sensors.mqtt.MqttObservationsTest.signOut;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chizu.accounts.ApiClients;
import org.chizu.platform.testing.TestDatabase;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SensorThings MQTT extension's collection topics on a real Mosquitto: every entity a request
 * creates, however it is created (deep insert, a batch, the dataArray extension), and every one a
 * link adds to a collection, is announced on each collection topic it belongs to, once; a subscription
 * with {@code $select} gets only the selected properties.
 */
@SpringBootTest(classes = MqttTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class MqttAnnouncementsTest {

    static final TestBroker broker = TestBroker.ofTestRun();
    static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

    @DynamicPropertySource
    static void databaseAndBroker(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        broker.register(registry);
    }

    /** One message as a subscriber of {@code v1.1/#} heard it. */
    record Heard(String topic, JsonNode entity) {

        /** The topic and the announced entity's id, as {@code v1.1/Things = 3}. */
        String said() {
            return topic + " = " + entity.path("@iot.id").asText();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiClients clients;
    @Autowired
    BrokerAccess access;
    @Autowired
    BrokerSubscriptions subscriptions;

    final ObjectMapper json = new ObjectMapper();
    final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
    String dashboardToken;
    MqttClient dashboard;

    @BeforeAll
    void aDashboardListeningToEverything() throws Exception {
        dashboardToken = clients.issue("防災ダッシュボード 全件", Set.of("sensors:read")).token();
        access.refresh();
        dashboard = awaitSignIn(() -> broker.subscriber("防災ダッシュボード 全件", dashboardToken));
        dashboard.subscribe("v1.1/#", 1, (topic, message) -> heard.add(new Heard(topic, json.readTree(message.getPayload()))));
        await(() -> subscriptions.wanted("v1.1/Observations"), "Chizu heard of the subscription");
    }

    @AfterAll
    void signOutOfTheBroker() throws MqttException {
        signOut(dashboard);
    }

    @BeforeEach
    void nothingHeardYet() {
        heard.clear();
    }

    @Test
    void aDeepInsertAnnouncesEveryEntityItCreatedOnEveryCollectionItIsIn() throws Exception {
        JsonNode thing = created(http("POST", "Things", """
                {"name": "匹見 土壌水分計", "Locations": [{"name": "匹見 斜面", "encodingType": "application/geo+json",
                                                     "location": {"type": "Point", "coordinates": [131.95, 34.53]}}],
                 "Datastreams": [{"name": "土壌水分 深さ 30 cm", "observationType": "%s", "unitOfMeasurement": {"name": "percent", "symbol": "%%"},
                                  "Sensor": {"name": "TDR", "encodingType": "text/plain", "metadata": "TDR-30"},
                                  "ObservedProperty": {"name": "土壌水分", "definition": "http://vocabs.example.jp/soil-moisture"}}]}"""
                .formatted(MEASUREMENT)));
        long t = thing.path("@iot.id").asLong();
        long l = id("select location_id from sta_thing_location where thing_id = ?", t);
        long h = id("select id from sta_historical_location where thing_id = ?", t);
        long d = id("select id from sta_datastream where thing_id = ?", t);
        long s = id("select sensor_id from sta_datastream where id = ?", d);
        long o = id("select observed_property_id from sta_datastream where id = ?", d);

        assertThat(heardExactly(List.of(
                "v1.1/Things = " + t, "v1.1/Locations(" + l + ")/Things = " + t,
                "v1.1/Locations = " + l, "v1.1/Things(" + t + ")/Locations = " + l, "v1.1/HistoricalLocations(" + h + ")/Locations = " + l,
                "v1.1/HistoricalLocations = " + h, "v1.1/Things(" + t + ")/HistoricalLocations = " + h, "v1.1/Locations(" + l + ")/HistoricalLocations = " + h,
                "v1.1/Datastreams = " + d, "v1.1/Things(" + t + ")/Datastreams = " + d, "v1.1/Sensors(" + s + ")/Datastreams = " + d,
                "v1.1/ObservedProperties(" + o + ")/Datastreams = " + d,
                "v1.1/Sensors = " + s, "v1.1/ObservedProperties = " + o)))
                .allSatisfy(message -> assertThat(message.entity().path("@iot.selfLink").asText()).as("the entity as the API shows it").contains("/sta/v1.1/"));
    }

    @Test
    void aLinkAnnouncesBothSidesOnTheCollectionsTheyJoinedAndTheHistoryItMade() throws Exception {
        long thing = id("insert into sta_thing (name) values ('高津川 水位計 神田') returning id");
        long location = id("insert into sta_location (name, location) values ('神田橋', st_setsrid(st_point(131.80, 34.62), 4326)) returning id");

        HttpResponse<String> linked = http("POST", "Things(" + thing + ")/Locations/$ref", "{\"@iot.id\": " + location + "}");

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(204);
        long history = id("select id from sta_historical_location where thing_id = ?", thing);
        heardExactly(List.of("v1.1/Things(" + thing + ")/Locations = " + location, "v1.1/Locations(" + location + ")/Things = " + thing,
                "v1.1/HistoricalLocations = " + history, "v1.1/Things(" + thing + ")/HistoricalLocations = " + history,
                "v1.1/Locations(" + location + ")/HistoricalLocations = " + history, "v1.1/HistoricalLocations(" + history + ")/Locations = " + location));

        http("POST", "Things(" + thing + ")/Locations/$ref", "{\"@iot.id\": " + location + "}");
        assertThat(heard.poll(1, TimeUnit.SECONDS)).as("linking again joins nothing and moves the Thing nowhere new").isNull();
        assertThat(id("select count(*) from sta_historical_location where thing_id = ?", thing)).isEqualTo(1);
    }

    @Test
    void aBatchAnnouncesWhatItsCommittedGroupsCreatedAndNothingOfAFailedOne() throws Exception {
        long sensor = id("insert into sta_sensor (name, encoding_type, metadata) values ('雨量計', 'text/plain', 'tipping bucket') returning id");
        long property = id("insert into sta_observed_property (name, definition) values ('雨量', 'http://vocabs.example.jp/rain') returning id");

        HttpResponse<String> answer = http("POST", "$batch", """
                {"requests": [
                  {"id": "1", "atomicityGroup": "gauge", "method": "post", "url": "Things", "body": {"name": "匹見 雨量計"}},
                  {"id": "2", "atomicityGroup": "gauge", "method": "post", "url": "$1/Datastreams",
                   "body": {"name": "雨量", "observationType": "%s", "unitOfMeasurement": {"name": "millimetre", "symbol": "mm"},
                            "Sensor": {"@iot.id": %d}, "ObservedProperty": {"@iot.id": %d}}},
                  {"id": "3", "atomicityGroup": "broken", "method": "post", "url": "Things", "body": {"name": "消える雨量計"}},
                  {"id": "4", "atomicityGroup": "broken", "method": "post", "url": "Things", "body": {"colour": "red"}}
                ]}""".formatted(MEASUREMENT, sensor, property));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        long thing = id("select id from sta_thing where name = '匹見 雨量計'");
        long datastream = id("select id from sta_datastream where thing_id = ?", thing);
        heardExactly(List.of("v1.1/Things = " + thing, "v1.1/Datastreams = " + datastream, "v1.1/Things(" + thing + ")/Datastreams = " + datastream,
                "v1.1/Sensors(" + sensor + ")/Datastreams = " + datastream, "v1.1/ObservedProperties(" + property + ")/Datastreams = " + datastream));
    }

    @Test
    void observationsOfADataArrayAreAnnouncedOnTheirDatastreamTheirFeatureAndAllObservations() throws Exception {
        long datastream = MqttTestData.riverLevelDatastream(jdbc);
        long feature = id("""
                with feature as (insert into sta_feature_of_interest (name, encoding_type, feature)
                                 values ('高角橋', 'application/geo+json', st_setsrid(st_point(131.8412, 34.6801), 4326)) returning id)
                select id from feature""");

        HttpResponse<String> created = http("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result", "FeatureOfInterest/id"],
                  "dataArray": [["2026-12-08T10:00:00+09:00", 1.81, %d], ["2026-12-08T10:10:00+09:00", 1.84, %d]]}]"""
                .formatted(datastream, feature, feature));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        List<String> expected = new ArrayList<>();
        for (JsonNode address : json.readTree(created.body())) {
            String id = address.asText().replaceAll(".*\\((\\d+)\\)$", "$1");
            expected.addAll(List.of("v1.1/Datastreams(" + datastream + ")/Observations = " + id, "v1.1/Observations = " + id,
                    "v1.1/FeaturesOfInterest(" + feature + ")/Observations = " + id));
        }
        heardExactly(expected);
    }

    @Test
    void aFeatureOfInterestMadeForAReadingIsAnnouncedAsCreatedWithTheReading() throws Exception {
        long datastream = MqttTestData.riverLevelDatastream(jdbc);

        JsonNode reading = created(http("POST", "Datastreams(" + datastream + ")/Observations",
                "{\"phenomenonTime\": \"2026-12-08T10:20:00+09:00\", \"result\": 1.88}"));

        long observation = reading.path("@iot.id").asLong();
        long feature = id("select feature_of_interest_id from sta_observation where id = ?", observation);
        heardExactly(List.of("v1.1/FeaturesOfInterest = " + feature, "v1.1/Datastreams(" + datastream + ")/Observations = " + observation,
                "v1.1/Observations = " + observation, "v1.1/FeaturesOfInterest(" + feature + ")/Observations = " + observation));
    }

    @Test
    void aSubscriptionWithSelectGetsOnlyTheSelectedProperties() throws Exception {
        long datastream = MqttTestData.riverLevelDatastream(jdbc);
        String observations = "v1.1/Datastreams(" + datastream + ")/Observations";
        BlockingQueue<JsonNode> selected = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> names = new LinkedBlockingQueue<>();
        MqttClient gauges = awaitSignIn(() -> broker.subscriber("防災ダッシュボード 全件", dashboardToken));
        gauges.subscribe(observations + "?$select=result,phenomenonTime", 1, (topic, message) -> selected.add(json.readTree(message.getPayload())));
        gauges.subscribe("v1.1/Things?$select=id,name", 1, (topic, message) -> names.add(json.readTree(message.getPayload())));
        await(() -> subscriptions.selections(observations).size() == 1 && subscriptions.selections("v1.1/Things").size() == 1,
                "Chizu heard of both subscriptions");

        http("POST", "Datastreams(" + datastream + ")/Observations", "{\"phenomenonTime\": \"2026-12-08T11:00:00+09:00\", \"result\": 1.93}");
        JsonNode thing = created(http("POST", "Things", "{\"name\": \"飯梨川 水位計 広瀬\", \"description\": \"radar\"}"));

        JsonNode reading = selected.poll(10, TimeUnit.SECONDS);
        assertThat(reading).isNotNull();
        assertThat(json.writeValueAsString(reading)).isEqualTo("{\"result\":1.93,\"phenomenonTime\":\"2026-12-08T02:00:00Z\"}");
        assertThat(names.poll(10, TimeUnit.SECONDS)).hasToString("{\"@iot.id\":" + thing.path("@iot.id").asLong() + ",\"name\":\"飯梨川 水位計 広瀬\"}");
        assertThat(selected.poll(1, TimeUnit.SECONDS)).as("once").isNull();

        gauges.unsubscribe(observations + "?$select=result,phenomenonTime");
        await(() -> subscriptions.selections(observations).isEmpty(), "Chizu heard the unsubscription");
        signOut(gauges);
        await(() -> subscriptions.selections("v1.1/Things").isEmpty(), "a clean session's subscriptions end with it");
    }

    /**
     * Waits until every expected message was heard, and a moment more, and checks that nothing else
     * came and nothing twice.
     */
    private List<Heard> heardExactly(Collection<String> expected) throws InterruptedException {
        List<Heard> messages = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (messages.size() < expected.size() && System.nanoTime() < until) {
            Heard next = heard.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                messages.add(next);
            }
        }
        Heard extra;
        while ((extra = heard.poll(1, TimeUnit.SECONDS)) != null) {
            messages.add(extra);
        }
        assertThat(messages).extracting(Heard::said).containsExactlyInAnyOrderElementsOf(expected);
        return messages;
    }

    private JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private long id(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, Long.class, parameters);
    }

    private HttpResponse<String> http(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sta/v1.1/" + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
