package org.chizu.sensors.mqtt;

/**
 * A message the broker delivered and is waiting to hear it was taken.
 *
 * @param topic     the topic without the ingest prefix
 * @param payload   its bytes
 * @param messageId the MQTT packet id the acknowledgement names
 * @param qos       the quality of service it came with
 */
record ReceivedMessage(String topic, byte[] payload, int messageId, int qos) {
}
