package org.chizu.safety;

import java.util.List;

import org.chizu.gis.municipalities.Municipality;
import org.chizu.platform.Label;

/**
 * The answer to "Is this place safe?" (ここは安全？), as {@code GET /api/safety} returns it.
 *
 * @param place       the place asked about
 * @param area        whether the place is in the served area, and in which municipality
 * @param summary     the answer in a sentence
 * @param hazardZones the zones containing the place; empty outside every zone and outside the served area
 * @param shelters    the recommended shelters; null outside the served area, where Chizu has no data
 * @param distances   how distances and walking times were worked out
 */
public record SafetyAnswer(Place place, Coverage area, Label summary, List<HazardZone> hazardZones,
                           ShelterChoice shelters, Distances distances) {

    /**
     * @param served       whether the platform serves the place
     * @param municipality the municipality containing it, or null when outside every one or none is loaded
     */
    public record Coverage(boolean served, Municipality municipality) {
    }

    /**
     * @param method                 always "straight_line": no road network is used
     * @param walkingMetresPerMinute the walking speed behind the times
     * @param note                   the same, for people
     */
    public record Distances(String method, double walkingMetresPerMinute, Label note) {
    }
}
