package org.chizu.sensors.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of sensor alerts ({@code chizu.sensors.alerts.*}).
 *
 * @param capSender       the CAP {@code sender}: a name unique to this town, such as its domain (chizu.localhost)
 * @param senderName      who the messages are from, for people (Japanese; English beside it)
 * @param senderNameEn    the same in English
 * @param shelterDistance how far from a watched zone (in metres) a shelter designated for its hazard serves it (1500)
 * @param recent          how long a cleared alert stays in the CAP feed (24 h)
 * @param missingCheck    how often datastreams are checked for missing readings (1 min)
 */
@ConfigurationProperties("chizu.sensors.alerts")
public record AlertsProperties(String capSender, String senderName, String senderNameEn, Double shelterDistance, Duration recent,
                               Duration missingCheck) {

    public AlertsProperties {
        capSender = capSender == null ? "chizu.localhost" : capSender;
        senderName = senderName == null ? "町 防災担当" : senderName;
        senderNameEn = senderNameEn == null ? "Town disaster management" : senderNameEn;
        shelterDistance = shelterDistance == null ? 1500.0 : shelterDistance;
        recent = recent == null ? Duration.ofHours(24) : recent;
        missingCheck = missingCheck == null ? Duration.ofMinutes(1) : missingCheck;
    }
}
