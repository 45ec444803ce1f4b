package org.chizu.sensors.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chizu.sensors.ObservationPublisher;
import org.chizu.sensors.Reading;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Publishes as Chizu's own broker user to the devices' topics as the broker files them (under
 * {@code ingest-prefix}, where the devices' listener mounts what devices publish), so the readings
 * take the devices' path from the broker on: the bridge's persistent session stores them. One
 * connection per call: the simulation publishes a batch every few seconds at most.
 */
@Component
@ConditionalOnExpression("'${chizu.mqtt.url:}' != ''")
class MqttObservationPublisher implements ObservationPublisher {

    private static final long ACKNOWLEDGED_WITHIN_MILLIS = 30_000;

    private final MqttProperties settings;
    private final ObjectMapper json;

    MqttObservationPublisher(MqttProperties settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void publish(List<? extends Reading> readings) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(Math.max(10, readings.size()));
        options.setUserName(settings.user());
        options.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
        try {
            MqttAsyncClient client = new MqttAsyncClient(settings.url(), "chizu-publisher-" + UUID.randomUUID(), new MemoryPersistence());
            try {
                client.connect(options).waitForCompletion(ACKNOWLEDGED_WITHIN_MILLIS);
                List<IMqttDeliveryToken> sent = new ArrayList<>();
                for (Reading reading : readings) {
                    sent.add(client.publish(settings.ingestPrefix() + "v1.1/" + reading.stream().address(reading.streamId()) + "/Observations",
                            message(reading), 1, false));
                }
                for (IMqttDeliveryToken token : sent) {
                    token.waitForCompletion(ACKNOWLEDGED_WITHIN_MILLIS);
                }
                client.disconnect().waitForCompletion(ACKNOWLEDGED_WITHIN_MILLIS);
            } finally {
                client.close(true);
            }
        } catch (MqttException e) {
            throw new IllegalStateException("the MQTT broker at " + settings.url() + " did not take the readings: " + e.getMessage(), e);
        }
    }

    /** The reading as a device sends it: its phenomenon time and result. */
    private byte[] message(Reading reading) {
        ObjectNode message = json.createObjectNode();
        message.put("phenomenonTime", reading.phenomenonTime().start().toString());
        message.set("result", reading.result());
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a reading that cannot be written as JSON", e);
        }
    }
}
