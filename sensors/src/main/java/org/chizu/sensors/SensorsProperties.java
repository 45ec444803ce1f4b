package org.chizu.sensors;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sensors module ({@code chizu.sensors.*}).
 *
 * @param queryTimeout how long one SensorThings query may run before it is cancelled with a 503 (30 s)
 */
@ConfigurationProperties("chizu.sensors")
public record SensorsProperties(Duration queryTimeout) {

    public SensorsProperties {
        if (queryTimeout == null) {
            queryTimeout = Duration.ofSeconds(30);
        }
    }
}
