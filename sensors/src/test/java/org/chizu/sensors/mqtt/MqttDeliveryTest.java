package org.chizu.sensors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.sensors.mqtt.MqttObservationsTest.await;
import static org.chizu.sensors.mqtt.MqttObservationsTest.awaitSignIn;
import static org.chizu.sensors.mqtt.MqttObservationsTest.signOut;
import static org.chizu.sensors.mqtt.MqttObservationsTest.topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.chizu.accounts.ApiClients;
import org.chizu.platform.testing.TestDatabase;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * QoS 1 from the device to the database: every observation the broker acknowledged to the device is
 * stored exactly once, though Chizu's bridge stops and starts again meanwhile (the broker keeps its
 * persistent session's messages, and sends again those it had sent without an acknowledgement),
 * though the broker itself is restarted while it holds them, and though a device is added meanwhile.
 */
@SpringBootTest(classes = MqttTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class MqttDeliveryTest {

    static final TestBroker broker = TestBroker.ofTestRun();

    @DynamicPropertySource
    static void databaseAndBroker(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        broker.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiClients clients;
    @Autowired
    BrokerAccess access;
    @Autowired
    MqttBridge bridge;

    String token;
    long datastream;
    long queuedDatastream;
    long awayDatastream;

    @BeforeAll
    void aRiverGaugeWithItsTokenAndDatastreams() throws InterruptedException {
        datastream = MqttTestData.riverLevelDatastream(jdbc, "水位計 高津川 2");
        queuedDatastream = MqttTestData.riverLevelDatastream(jdbc, "水位計 高津川 2");
        awayDatastream = MqttTestData.riverLevelDatastream(jdbc, "水位計 高津川 2");
        token = clients.issue("水位計 高津川 2", Set.of("sensors:observe")).token();
        access.refresh();
        await(bridge::connected, "the bridge's session subscribed, so that the broker keeps what devices publish");
    }

    @Test
    void everyObservationAcknowledgedWhileChizuRestartsIsStoredOnce() throws Exception {
        // A gauge's day at one reading a minute and more: enough to be mid-batch when Chizu stops, and
        // bounded, since what a test measures is that nothing is lost, not how much the broker can queue.
        int readings = 1_200;
        AtomicInteger acknowledged = new AtomicInteger();
        MqttClient gauge = awaitSignIn(() -> broker.device("水位計 高津川 2", token));
        Thread device = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < readings; i++) {
                    // Returns once the broker acknowledged it.
                    gauge.publish(topic(datastream), reading(i), 1, false);
                    acknowledged.incrementAndGet();
                }
            } catch (MqttException e) {
                throw new IllegalStateException(e);
            }
        });

        await(() -> stored(datastream) >= 300, "some stored before the stop");
        bridge.stop();
        int awayUntil = Math.min(acknowledged.get() + 300, readings);
        await(() -> acknowledged.get() >= awayUntil, "the device goes on publishing while Chizu is away");
        bridge.start();
        await(bridge::connected, "the bridge back");
        device.join();

        assertThat(acknowledged.get()).isEqualTo(readings);
        awaitStored(datastream, readings);
        Thread.sleep(500);
        assertThat(stored(datastream)).as("each of the %d once", readings).isEqualTo(readings);
        assertThat(jdbc.queryForObject("select count(distinct result_number) from sta_observation where datastream_id = ?", Long.class, datastream))
                .isEqualTo(readings);
        signOut(gauge);
    }

    @Test
    void observationsQueuedForChizuSurviveARestartOfTheBroker() throws Exception {
        int readings = 500;
        bridge.stop();
        publish(queuedDatastream, readings);

        broker.restart();
        bridge.start();

        awaitStored(queuedDatastream, readings);
        assertThat(stored(queuedDatastream)).isEqualTo(readings);
    }

    /**
     * A device added while Chizu is away changes the broker's users, and Mosquitto (2.0.11) drops what
     * others then publish for a session that is away when it reloads them: Chizu has it reload only
     * once its own session is back.
     */
    @Test
    void aDeviceAddedWhileChizuIsAwayCostsNothingOthersPublishMeanwhile() throws Exception {
        int readings = 300;
        bridge.stop();
        broker.restart();
        String newcomer = clients.issue("雨量計 匹見 新設", Set.of("sensors:observe")).token();
        access.refresh();
        publish(awayDatastream, readings);

        bridge.start();
        await(bridge::connected, "the bridge's session back");
        access.refresh();

        awaitStored(awayDatastream, readings);
        assertThat(stored(awayDatastream)).isEqualTo(readings);
        signOut(awaitSignIn(() -> broker.device("雨量計 匹見 新設", newcomer)));
    }

    /** The gauge publishes the readings 0 … count - 1 at QoS 1, each acknowledged by the broker. */
    private void publish(long datastream, int count) throws Exception {
        MqttClient gauge = awaitSignIn(() -> broker.device("水位計 高津川 2", token));
        for (int i = 0; i < count; i++) {
            gauge.publish(topic(datastream), reading(i), 1, false);
        }
        signOut(gauge);
    }

    /** Waits for the readings 0 … count - 1, naming those missing when they do not come. */
    private void awaitStored(long datastream, int count) throws InterruptedException {
        for (int wait = 0; wait < 600 && stored(datastream) < count; wait++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForList("""
                select i from generate_series(0, ? - 1) i
                where not exists (select 1 from sta_observation where datastream_id = ? and result_number = i) limit 20""",
                Integer.class, count, datastream)).as("readings not stored").isEmpty();
    }

    private long stored(long datastream) {
        return jdbc.queryForObject("select count(*) from sta_observation where datastream_id = ?", Long.class, datastream);
    }

    /** The i-th reading, a minute after the one before, its value i. */
    private static byte[] reading(int i) {
        return ("{\"phenomenonTime\": \"" + Instant.parse("2026-12-09T00:00:00Z").plusSeconds(60L * i) + "\", \"result\": " + i + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
