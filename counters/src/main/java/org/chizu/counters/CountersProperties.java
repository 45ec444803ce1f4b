package org.chizu.counters;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Counter settings ({@code chizu.counters.*}).
 *
 * @param zone         the town's time: opening hours, ticket days and the hour of the wait history (Asia/Tokyo)
 * @param noticeAhead  a follower is told "your turn is near" when this many or fewer wait before them (3)
 * @param historyDays  how many past days of calls the wait estimate reads (56: eight weeks)
 * @param rebuildDelay how long after the last change of the roads layer the road network is rebuilt (1 s),
 *                     so that an import of many roads causes one rebuild
 * @param vanTrackDays how many days of the van's posted positions are kept for staff's track (90)
 */
@ConfigurationProperties("chizu.counters")
public record CountersProperties(ZoneId zone, Integer noticeAhead, Integer historyDays, Duration rebuildDelay,
                                 Integer vanTrackDays) {

    public CountersProperties {
        zone = zone == null ? ZoneId.of("Asia/Tokyo") : zone;
        noticeAhead = noticeAhead == null ? 3 : noticeAhead;
        historyDays = historyDays == null ? 56 : historyDays;
        rebuildDelay = rebuildDelay == null ? Duration.ofSeconds(1) : rebuildDelay;
        vanTrackDays = vanTrackDays == null ? 90 : vanTrackDays;
    }

    public static CountersProperties defaults() {
        return new CountersProperties(null, null, null, null, null);
    }
}
