/**
 * The SensorThings MQTT extension on a Mosquitto broker: devices log in with their platform tokens
 * ({@link org.chizu.sensors.mqtt.BrokerAccess}, which lets each publish only to the Datastreams of the
 * Things that name it) and publish observations, which {@link org.chizu.sensors.mqtt.MqttBridge}
 * stores in batches and announces to subscribers with those that came over HTTP, as it announces
 * entities created or changed through the API to their collection, entity and property topics;
 * {@link org.chizu.sensors.mqtt.BrokerSubscriptions} follows what clients subscribe to, for the
 * topics with {@code $select}.
 */
package org.chizu.sensors.mqtt;
