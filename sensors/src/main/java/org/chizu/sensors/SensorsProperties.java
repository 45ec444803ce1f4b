package org.chizu.sensors;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sensors module ({@code chizu.sensors.*}).
 *
 * @param queryTimeout   how long one SensorThings query may run before it is cancelled with a 503 (30 s)
 * @param aggregateZone  the zone whose days the daily aggregates are (Asia/Tokyo)
 * @param rawRetention   how long raw readings are kept before only their aggregates remain, unless a
 *                       datastream says otherwise ({@code "rawRetention": "P90D"} in its properties);
 *                       null (the default) keeps them for ever
 */
@ConfigurationProperties("chizu.sensors")
public record SensorsProperties(Duration queryTimeout, ZoneId aggregateZone, Period rawRetention) {

    public SensorsProperties {
        if (queryTimeout == null) {
            queryTimeout = Duration.ofSeconds(30);
        }
        if (aggregateZone == null) {
            aggregateZone = ZoneId.of("Asia/Tokyo");
        }
    }
}
