package org.chizu.counters;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the van is and when it reaches its next stop, as the public page shows it live.
 *
 * @param position      its last posted position; null before the first one
 * @param nextStop      the stop it is at, or else the first stop of today's round it has not reached; null
 *                      when the round is over or the route does not run today
 * @param atStop        whether it is at {@code nextStop} now
 * @param travelSeconds the drive from its position to {@code nextStop} over the road network; null
 *                      when unknown (no position, no next stop, or no road reaches it)
 */
public record VanLive(String route, Position position, VanStop nextStop, boolean atStop, Long travelSeconds) {

    /** A position the van's device or staff posted, in JGD2011. */
    public record Position(double lon, double lat, Instant at) {
    }

    /** Whole minutes until the van reaches its next stop, rounded up; null when unknown. */
    @JsonProperty
    public Long arrivingInMinutes() {
        return travelSeconds == null ? null : (travelSeconds + 59) / 60;
    }
}
