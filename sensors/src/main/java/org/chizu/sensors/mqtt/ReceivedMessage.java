package org.chizu.sensors.mqtt;

import org.chizu.sensors.Reading;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * A message the broker delivered and is waiting to hear it was taken, read already (on the thread
 * that received it, so that the thread storing batches only stores).
 *
 * @param topic       the topic without the ingest prefix
 * @param observation the observation it holds, or null when it holds none
 * @param refusal     why it holds none, in words for the log, or null
 * @param receiver    the client it came through, which alone may acknowledge it
 * @param messageId   the MQTT packet id the acknowledgement names
 * @param qos         the quality of service it came with
 */
record ReceivedMessage(String topic, Reading observation, String refusal, MqttAsyncClient receiver, int messageId, int qos) {

    /** Reads the payload as the SensorThings MQTT extension's Observation. */
    static ReceivedMessage read(String topic, byte[] payload, MqttAsyncClient receiver, int messageId, int qos) {
        try {
            return new ReceivedMessage(topic, ObservationMessage.read(topic, payload), null, receiver, messageId, qos);
        } catch (IllegalArgumentException e) {
            return new ReceivedMessage(topic, null, e.getMessage(), receiver, messageId, qos);
        }
    }
}
