package org.chizu.sensors.mqtt;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the MQTT bridge ({@code chizu.mqtt.*}); {@code ./chizu} sets them for the broker it
 * starts. Without a URL the bridge is off.
 *
 * @param url                 the broker for Chizu itself, {@code tcp://127.0.0.1:1883}
 * @param user                Chizu's own user on the broker
 * @param password            its password
 * @param brokerDirectory     the private broker's folder, whose {@code passwd} and {@code acl} Chizu
 *                            writes from the platform's devices and whose {@code mosquitto.pid} it
 *                            signals to reload them; none for a broker managed elsewhere
 * @param ingestPrefix        what the broker puts before the topics devices publish to (Mosquitto's
 *                            {@code mount_point} of the devices' listener), so that subscribers get
 *                            only what Chizu stored and announced
 * @param clientId            the bridge's MQTT client id, which names its persistent session
 * @param batchSize           messages stored in one transaction at most
 * @param batchWait           how long a batch waits for more messages after its first
 * @param credentialsInterval how often the broker's password file is compared with the devices
 */
@ConfigurationProperties("chizu.mqtt")
record MqttProperties(String url, String user, String password, Path brokerDirectory, String ingestPrefix, String clientId,
                      Integer batchSize, Duration batchWait, Duration credentialsInterval) {

    MqttProperties {
        ingestPrefix = ingestPrefix == null ? "ingest/" : ingestPrefix;
        clientId = clientId == null || clientId.isBlank() ? "chizu" : clientId;
        batchSize = batchSize == null ? 5000 : batchSize;
        batchWait = batchWait == null ? Duration.ofMillis(50) : batchWait;
        credentialsInterval = credentialsInterval == null ? Duration.ofSeconds(10) : credentialsInterval;
        if (batchSize < 1 || batchWait.isNegative()) {
            throw new IllegalArgumentException("chizu.mqtt needs a positive batch-size and a batch-wait of zero or more");
        }
    }
}
