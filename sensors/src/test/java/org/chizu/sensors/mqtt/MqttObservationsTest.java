package org.chizu.sensors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.chizu.accounts.ApiClients;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.sensors.NewMultiObservation;
import org.chizu.sensors.NewObservation;
import org.chizu.sensors.ObservationPublisher;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The SensorThings MQTT extension on a real Mosquitto: a device signed in with its platform token
 * publishes an Observation, Chizu stores it once and announces it to subscribers, with those posted
 * over HTTP; the broker refuses unknown devices and drops what a device without
 * {@code sensors:observe} publishes; a malformed message is refused without holding up the others.
 */
@SpringBootTest(classes = MqttTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class MqttObservationsTest {

    static final TestBroker broker = TestBroker.ofTestRun();

    @DynamicPropertySource
    static void databaseAndBroker(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        broker.register(registry);
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
    MqttBridge bridge;
    @Autowired
    ObservationPublisher publisher;

    final ObjectMapper json = new ObjectMapper();
    long datastream;
    String gaugeToken;
    String readerToken;
    MqttClient gauge;
    MqttClient reader;
    final BlockingQueue<JsonNode> announced = new LinkedBlockingQueue<>();
    final Set<Integer> announcedAtQos = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void aRiverGaugeAndADashboardSignedInToTheBroker() throws Exception {
        datastream = MqttTestData.riverLevelDatastream(jdbc, "水位計 高津川 1");
        gaugeToken = clients.issue("水位計 高津川 1", Set.of("sensors:observe")).token();
        readerToken = clients.issue("防災ダッシュボード", Set.of("sensors:read")).token();
        access.refresh();
        gauge = awaitSignIn(() -> broker.device("水位計 高津川 1", gaugeToken));
        reader = awaitSignIn(() -> broker.subscriber("防災ダッシュボード", readerToken));
        reader.subscribe(topic(datastream), 1, (topic, message) -> {
            announcedAtQos.add(message.getQos());
            announced.add(json.readTree(message.getPayload()));
        });
        await(bridge::connected, "the bridge's session subscribed");
    }

    @AfterAll
    void signOut() throws MqttException {
        signOut(gauge);
        signOut(reader);
    }

    /** Disconnects whether or not the broker has already ended the connection. */
    static void signOut(MqttClient client) throws MqttException {
        client.disconnectForcibly(1000);
        client.close(true);
    }

    @Test
    void aPublishedObservationIsStoredOnceAndAnnouncedWithItsId() throws Exception {
        String reading = "{\"phenomenonTime\": \"2026-12-08T09:00:00+09:00\", \"result\": 1.42}";
        gauge.publish(topic(datastream), reading.getBytes(StandardCharsets.UTF_8), 1, false);
        gauge.publish(topic(datastream), reading.getBytes(StandardCharsets.UTF_8), 1, false);

        JsonNode observation = announced.poll(10, TimeUnit.SECONDS);
        assertThat(observation).isNotNull();
        assertThat(observation.path("result").asDouble()).isEqualTo(1.42);
        assertThat(observation.path("phenomenonTime").asText()).isEqualTo("2026-12-08T00:00:00Z");
        assertThat(jdbc.queryForObject("select count(*) from sta_observation where datastream_id = ? and phenomenon_time_start = '2026-12-08T00:00:00Z'",
                Long.class, datastream)).as("the second is the same reading again").isEqualTo(1);
        assertThat(observation.path("@iot.id").asLong()).isEqualTo(jdbc.queryForObject(
                "select id from sta_observation where datastream_id = ? and phenomenon_time_start = '2026-12-08T00:00:00Z'", Long.class, datastream));
        assertThat(announced.poll(1, TimeUnit.SECONDS)).as("announced once").isNull();
        assertThat(announcedAtQos).as("notices go out at most once, whatever the subscription asked").containsExactly(0);
    }

    @Test
    void readingsPublishedAsTheSimulationPublishesThemTakeTheDevicesPathThroughTheBroker() throws Exception {
        long other = MqttTestData.riverLevelDatastream(jdbc);
        Instant three = Instant.parse("2026-12-08T03:00:00Z");

        publisher.publish(List.of(NewObservation.of(other, three, JsonNodeFactory.instance.numberNode(2.5)),
                NewObservation.of(other, three.plusSeconds(600), JsonNodeFactory.instance.numberNode(2.7))));

        await(() -> jdbc.queryForObject("select count(*) from sta_observation where datastream_id = ?", Long.class, other) == 2,
                "both readings stored by the bridge");
        assertThat(jdbc.queryForObject("select result_number from sta_latest_observation where datastream_id = ?", Double.class, other))
                .isEqualTo(2.7);
    }

    @Test
    void anObservationPostedOverHttpIsAnnouncedToo() throws Exception {
        HttpResponse<String> posted = http("POST", "Datastreams(" + datastream + ")/Observations",
                "{\"phenomenonTime\": \"2026-12-08T09:10:00+09:00\", \"result\": 1.55}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        JsonNode observation = announced.poll(10, TimeUnit.SECONDS);
        assertThat(observation).isNotNull();
        assertThat(observation.path("result").asDouble()).isEqualTo(1.55);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("Observations(" + observation.path("@iot.id").asLong() + ")");
    }

    @Test
    void entitiesCreatedOrChangedOverTheApiReachTheirCollectionEntityAndPropertyTopics() throws Exception {
        long thing = jdbc.queryForObject("select thing_id from sta_datastream where id = ?", Long.class, datastream);
        String entity = "v1.1/Datastreams(" + datastream + ")";
        String things = "v1.1/Things(" + thing + ")/Datastreams";
        Map<String, BlockingQueue<JsonNode>> heard = new ConcurrentHashMap<>();
        for (String topic : List.of(entity, entity + "/name", entity + "/description", things, "v1.1/Datastreams")) {
            heard.put(topic, new LinkedBlockingQueue<>());
            reader.subscribe(topic, 1, (on, message) -> heard.get(on).add(json.readTree(message.getPayload())));
        }

        HttpResponse<String> patched = http("PATCH", "Datastreams(" + datastream + ")", "{\"name\": \"高津川 水位 高角橋\"}");
        HttpResponse<String> created = http("POST", "Things(" + thing + ")/Datastreams", """
                {"name": "高津川 流量", "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                 "unitOfMeasurement": {"name": "cubic metre per second", "symbol": "m3/s"},
                 "Sensor": {"name": "流量計", "encodingType": "text/plain", "metadata": "ADCP"},
                 "ObservedProperty": {"name": "流量", "definition": "http://vocabs.example.jp/discharge"}}""");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode whole = heard.get(entity).poll(10, TimeUnit.SECONDS);
        assertThat(whole).as("the entity, whole").isNotNull();
        assertThat(whole.path("name").asText()).isEqualTo("高津川 水位 高角橋");
        assertThat(whole.path("unitOfMeasurement").path("symbol").asText()).isEqualTo("m");
        assertThat(heard.get(entity + "/name").poll(10, TimeUnit.SECONDS)).hasToString("{\"name\":\"高津川 水位 高角橋\"}");
        long newcomer = json.readTree(created.body()).path("@iot.id").asLong();
        assertThat(heard.get(things).poll(10, TimeUnit.SECONDS).path("@iot.id").asLong()).as("the Thing's collection").isEqualTo(newcomer);
        assertThat(heard.get("v1.1/Datastreams").poll(10, TimeUnit.SECONDS).path("@iot.id").asLong()).as("the entity set").isEqualTo(newcomer);
        assertThat(heard.get(entity + "/description").poll(1, TimeUnit.SECONDS)).as("a property the change did not give").isNull();
        reader.unsubscribe(heard.keySet().toArray(String[]::new));
    }

    @Test
    void aMultiDatastreamsArrayReadingIsPublishedStoredOnceAndAnnouncedOnItsTopic() throws Exception {
        long thing = jdbc.queryForObject("select thing_id from sta_datastream where id = ?", Long.class, datastream);
        HttpResponse<String> created = http("POST", "Things(" + thing + ")/MultiDatastreams", """
                {"name": "高津川 水位・水温", "multiObservationDataTypes": ["%1$s", "%1$s"],
                 "unitOfMeasurements": [{"name": "metre", "symbol": "m"}, {"name": "degree Celsius", "symbol": "degC"}],
                 "Sensor": {"name": "水位水温計", "encodingType": "text/plain", "metadata": "radar and thermistor"},
                 "ObservedProperties": [{"name": "水位", "definition": "http://vocabs.example.jp/water-level"},
                                        {"name": "水温", "definition": "http://vocabs.example.jp/water-temperature"}]}"""
                .formatted("http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long multi = json.readTree(created.body()).path("@iot.id").asLong();
        broker.awaitReload(access::refresh);
        String topic = "v1.1/MultiDatastreams(" + multi + ")/Observations";
        BlockingQueue<JsonNode> heard = new LinkedBlockingQueue<>();
        reader.subscribe(topic, 1, (on, message) -> heard.add(json.readTree(message.getPayload())));
        long refusedBefore = bridge.counts()[2];

        String reading = "{\"phenomenonTime\": \"2026-12-08T09:00:00+09:00\", \"result\": [1.42, 8.5]}";
        gauge.publish(topic, reading.getBytes(StandardCharsets.UTF_8), 1, false);
        gauge.publish(topic, reading.getBytes(StandardCharsets.UTF_8), 1, false);
        gauge.publish(topic, "{\"phenomenonTime\": \"2026-12-08T09:10:00+09:00\", \"result\": [1.5]}".getBytes(StandardCharsets.UTF_8), 1, false);
        MqttClient service = broker.device(broker.user(), broker.password());
        service.publish("v1.1/Observations", ("{\"MultiDatastream\": {\"@iot.id\": " + multi
                + "}, \"phenomenonTime\": \"2026-12-08T09:20:00+09:00\", \"result\": [1.61, 8.25]}").getBytes(StandardCharsets.UTF_8), 1, false);
        signOut(service);

        JsonNode first = heard.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.path("result").toString()).isEqualTo("[1.42,8.5]");
        assertThat(heard.poll(10, TimeUnit.SECONDS).path("result").toString()).isEqualTo("[1.61,8.25]");
        await(() -> bridge.counts()[2] == refusedBefore + 1, "the reading with one value of two refused");
        assertThat(jdbc.queryForList("select result_json::text from sta_observation where multi_datastream_id = ? order by phenomenon_time_start",
                String.class, multi)).as("the repeat stored once").containsExactly("[1.42, 8.5]", "[1.61, 8.25]");
        assertThat(first.path("@iot.id").asLong()).isEqualTo(jdbc.queryForObject(
                "select id from sta_observation where multi_datastream_id = ? order by phenomenon_time_start limit 1", Long.class, multi));
        assertThat(announced.poll(1, TimeUnit.SECONDS)).as("nothing on the Datastream's topic").isNull();

        publisher.publish(List.of(NewMultiObservation.of(multi, Instant.parse("2026-12-08T00:30:00Z"),
                JsonNodeFactory.instance.arrayNode().add(1.7).add(8.0))));
        assertThat(heard.poll(10, TimeUnit.SECONDS).path("result").toString()).as("as the simulation publishes it").isEqualTo("[1.7,8.0]");
        reader.unsubscribe(topic);
    }

    @Test
    void aMalformedMessageIsRefusedAndAcknowledgedWithoutHoldingUpTheOthers() throws Exception {
        long refusedBefore = bridge.counts()[2];
        gauge.publish(topic(datastream), "水位 1.6 m".getBytes(StandardCharsets.UTF_8), 1, false);
        gauge.publish(topic(datastream), "{\"result\": 1.6}".getBytes(StandardCharsets.UTF_8), 1, false);
        // A device may publish only to its own Datastreams' topics; Chizu's own user may publish anywhere.
        MqttClient service = broker.device(broker.user(), broker.password());
        service.publish(topic(999_999), "{\"phenomenonTime\": \"2026-12-08T09:20:00+09:00\", \"result\": 1.6}".getBytes(StandardCharsets.UTF_8), 1, false);
        service.publish("v1.1/Observations", ("{\"Datastream\": {\"@iot.id\": " + datastream
                + "}, \"phenomenonTime\": \"2026-12-08T09:20:00+09:00\", \"result\": 1.61}").getBytes(StandardCharsets.UTF_8), 1, false);
        signOut(service);

        JsonNode observation = announced.poll(10, TimeUnit.SECONDS);
        assertThat(observation).isNotNull();
        assertThat(observation.path("result").asDouble()).isEqualTo(1.61);
        await(() -> bridge.counts()[2] == refusedBefore + 3, "three refused");
    }

    @Test
    void theBrokerRefusesUnknownDevicesAndDropsWhatADeviceWithoutTheScopePublishes() throws Exception {
        assertThatThrownBy(() -> broker.device("水位計 高津川 1", "chizu_not-a-token")).isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> broker.device("偽の水位計", gaugeToken)).isInstanceOf(MqttSecurityException.class);
        String newcomer = clients.issue("雨量計 匹見", Set.of("sensors:observe")).token();
        assertThatThrownBy(() -> broker.device("雨量計 匹見", newcomer)).as("not yet in the broker's users").isInstanceOf(MqttSecurityException.class);
        access.refresh();
        signOut(awaitSignIn(() -> broker.device("雨量計 匹見", newcomer)));

        // The broker acknowledges a publication it drops (MQTT 3.1.1 has no way to refuse one), and Paho then ends the connection.
        MqttClient dashboard = broker.device("防災ダッシュボード", readerToken);
        dashboard.publish(topic(datastream), "{\"phenomenonTime\": \"2026-12-08T09:30:00+09:00\", \"result\": 9.99}".getBytes(StandardCharsets.UTF_8), 1, false);
        signOut(dashboard);
        MqttClient impostor = broker.subscriber("防災ダッシュボード", readerToken);
        impostor.publish(topic(datastream), "{\"@iot.id\": 1, \"phenomenonTime\": \"2026-12-08T09:30:00Z\", \"result\": 0}".getBytes(StandardCharsets.UTF_8), 1, false);
        signOut(impostor);
        gauge.publish(topic(datastream), "{\"phenomenonTime\": \"2026-12-08T09:30:00+09:00\", \"result\": 1.7}".getBytes(StandardCharsets.UTF_8), 1, false);

        JsonNode observation = announced.poll(10, TimeUnit.SECONDS);
        assertThat(observation.path("result").asDouble()).as("only Chizu announces, and only what it stored").isEqualTo(1.7);
        assertThat(jdbc.queryForObject("select count(*) from sta_observation where result_number = 9.99", Long.class)).isZero();
    }

    static String topic(long datastream) {
        return "v1.1/Datastreams(" + datastream + ")/Observations";
    }

    private HttpResponse<String> http(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sta/v1.1/" + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    interface SignIn {
        MqttClient connect() throws MqttException;
    }

    /** Signs in once the broker has reloaded its users, which it does soon after Chizu signals it. */
    static MqttClient awaitSignIn(SignIn signIn) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return signIn.connect();
            } catch (MqttSecurityException notYet) {
                if (System.nanoTime() > until) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(50);
        }
    }
}
