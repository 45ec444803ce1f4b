package org.chizu.counters;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When an office counts as fairly busy or crowded ({@code chizu.counters.crowding.*}): by the wait a
 * ticket taken now would have for its longest-waiting service, from the live queue and each
 * service's minutes per ticket at this hour.
 *
 * @param busyMinutes    from this many minutes: やや混雑 (15)
 * @param crowdedMinutes from this many minutes: 混雑 (30)
 */
@ConfigurationProperties("chizu.counters.crowding")
public record CrowdingThresholds(Integer busyMinutes, Integer crowdedMinutes) {

    public CrowdingThresholds {
        busyMinutes = busyMinutes == null ? 15 : busyMinutes;
        crowdedMinutes = crowdedMinutes == null ? 30 : crowdedMinutes;
        if (busyMinutes < 1 || crowdedMinutes <= busyMinutes) {
            throw new IllegalArgumentException("chizu.counters.crowding: need 0 < busy-minutes < crowded-minutes, not "
                    + busyMinutes + " and " + crowdedMinutes);
        }
    }

    CrowdingLevel level(boolean open, int waitMinutes) {
        if (!open) {
            return CrowdingLevel.CLOSED;
        }
        return waitMinutes >= crowdedMinutes ? CrowdingLevel.CROWDED
                : waitMinutes >= busyMinutes ? CrowdingLevel.BUSY : CrowdingLevel.QUIET;
    }
}
