package org.chizu.sensors.mqtt;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * A message the broker delivered and is waiting to hear it was taken.
 *
 * @param topic     the topic without the ingest prefix
 * @param payload   its bytes
 * @param receiver  the client it came through, which alone may acknowledge it
 * @param messageId the MQTT packet id the acknowledgement names
 * @param qos       the quality of service it came with
 */
record ReceivedMessage(String topic, byte[] payload, MqttAsyncClient receiver, int messageId, int qos) {
}
