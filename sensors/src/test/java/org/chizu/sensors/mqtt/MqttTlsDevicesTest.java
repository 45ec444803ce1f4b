package org.chizu.sensors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chizu.sensors.mqtt.MqttObservationsTest.await;
import static org.chizu.sensors.mqtt.MqttObservationsTest.awaitSignIn;
import static org.chizu.sensors.mqtt.MqttObservationsTest.signOut;
import static org.chizu.sensors.mqtt.MqttObservationsTest.topic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;

import org.chizu.accounts.ApiClients;
import org.chizu.platform.testing.TestDatabase;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
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
 * Devices in the field on the broker's TLS listener, as {@code ./chizu} configures it with the
 * self-signed certificate it made: a device that trusts that certificate signs in with its platform
 * token and its readings are stored; it may publish only to the Datastreams of the Things that name
 * it; a wrong token is refused.
 */
@SpringBootTest(classes = MqttTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class MqttTlsDevicesTest {

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

    long takatsu;
    long iinashi;
    String takatsuToken;

    @BeforeAll
    void twoGaugesEachNamedByItsThing() throws InterruptedException {
        takatsu = MqttTestData.riverLevelDatastream(jdbc, "水位計 高津川 匹見");
        iinashi = MqttTestData.riverLevelDatastream(jdbc, "水位計 飯梨川 広瀬");
        takatsuToken = clients.issue("水位計 高津川 匹見", Set.of("sensors:observe")).token();
        clients.issue("水位計 飯梨川 広瀬", Set.of("sensors:observe"));
        access.refresh();
        await(bridge::connected, "the bridge's session subscribed");
    }

    @Test
    void theBrokerListensForDevicesOverTlsWithTheCertificateTheLauncherMade() throws Exception {
        assertThat(broker.tlsUrl()).startsWith("ssl://");
        assertThat(Files.readString(broker.directory().resolve("mosquitto.conf")))
                .contains("certfile " + broker.tlsCertificate(), "listener " + broker.tlsUrl().replaceAll(".*:", ""));
    }

    @Test
    void aDeviceOverTlsPublishesToItsOwnDatastreamAndTheReadingIsStored() throws Exception {
        MqttClient gauge = awaitSignIn(() -> deviceOverTls("水位計 高津川 匹見", takatsuToken));
        gauge.publish(topic(takatsu), reading("2026-12-08T09:00:00+09:00", 2.31), 1, false);
        signOut(gauge);

        await(() -> stored(takatsu, 2.31) == 1, "the reading stored");
    }

    @Test
    void aDevicePublishingToAnotherDevicesDatastreamIsNotStored() throws Exception {
        publishAsTakatsu(topic(iinashi), reading("2026-12-08T09:10:00+09:00", 9.87));
        publishAsTakatsu("v1.1/Observations", ("{\"Datastream\": {\"@iot.id\": " + iinashi
                + "}, \"phenomenonTime\": \"2026-12-08T09:10:00+09:00\", \"result\": 9.88}").getBytes(StandardCharsets.UTF_8));
        MqttClient gauge = awaitSignIn(() -> deviceOverTls("水位計 高津川 匹見", takatsuToken));
        gauge.publish(topic(takatsu), reading("2026-12-08T09:10:00+09:00", 2.35), 1, false);
        signOut(gauge);

        await(() -> stored(takatsu, 2.35) == 1, "the device's own reading, published after, stored");
        assertThat(jdbc.queryForObject("select count(*) from sta_observation where datastream_id = ?", Long.class, iinashi))
                .as("nothing in the other device's datastream").isZero();
    }

    @Test
    void aWrongTokenIsRefusedOverTls() {
        assertThatThrownBy(() -> deviceOverTls("水位計 高津川 匹見", takatsuToken + "x")).isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> deviceOverTls("水位計 飯梨川 広瀬", takatsuToken)).isInstanceOf(MqttSecurityException.class);
    }

    /**
     * Publishes once on a connection of its own: the broker acknowledges a publication it drops (MQTT
     * 3.1.1 cannot refuse one) and then ends the connection.
     */
    private void publishAsTakatsu(String topic, byte[] payload) throws Exception {
        MqttClient impostor = awaitSignIn(() -> deviceOverTls("水位計 高津川 匹見", takatsuToken));
        try {
            impostor.publish(topic, payload, 1, false);
        } catch (MqttException ended) {
            assertThat(ended.getReasonCode()).as(ended.getMessage()).isEqualTo(MqttException.REASON_CODE_CONNECTION_LOST);
        }
        signOut(impostor);
    }

    private MqttClient deviceOverTls(String name, String token) throws MqttSecurityException {
        try {
            return broker.deviceOverTls(name, token);
        } catch (MqttSecurityException refused) {
            throw refused;
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the broker over TLS: " + e.getMessage(), e);
        }
    }

    private long stored(long datastream, double result) {
        return jdbc.queryForObject("select count(*) from sta_observation where datastream_id = ? and result_number = ?", Long.class, datastream, result);
    }

    private static byte[] reading(String time, double result) {
        return ("{\"phenomenonTime\": \"" + time + "\", \"result\": " + result + "}").getBytes(StandardCharsets.UTF_8);
    }
}
