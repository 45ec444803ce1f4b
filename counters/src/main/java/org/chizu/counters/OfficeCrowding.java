package org.chizu.counters;

import java.time.OffsetDateTime;

import org.chizu.platform.Label;

/**
 * How crowded an office is now; the data of each live event on topic {@value Crowding#TOPIC}.
 *
 * @param waiting     tickets waiting, all services together
 * @param waitMinutes the wait a ticket taken now would have for the service with the longest one
 * @param levelName   the level in Japanese and English (空いています / Not busy …)
 */
public record OfficeCrowding(String office, Label name, double lon, double lat, OffsetDateTime at, boolean open,
                             int waiting, int waitMinutes, CrowdingLevel level, Label levelName) {
}
