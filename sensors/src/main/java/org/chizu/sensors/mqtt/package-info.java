/**
 * The SensorThings MQTT extension on a Mosquitto broker: devices log in with their platform tokens
 * ({@link org.chizu.sensors.mqtt.BrokerAccess}) and publish observations, which
 * {@link org.chizu.sensors.mqtt.MqttBridge} stores in batches and announces to subscribers with
 * those that came over HTTP.
 */
package org.chizu.sensors.mqtt;
