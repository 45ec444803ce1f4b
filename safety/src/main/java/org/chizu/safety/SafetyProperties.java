package org.chizu.safety;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of "Is this place safe?" ({@code chizu.safety.*}).
 *
 * @param walkingMetresPerMinute walking speed for the time estimate; 80 m/min is the figure Japanese
 *                               real-estate and evacuation guidance use
 * @param shelterCount           how many shelters an answer lists
 */
@ConfigurationProperties("chizu.safety")
public record SafetyProperties(Double walkingMetresPerMinute, Integer shelterCount) {

    public SafetyProperties {
        walkingMetresPerMinute = walkingMetresPerMinute == null ? 80.0 : walkingMetresPerMinute;
        shelterCount = shelterCount == null ? 3 : shelterCount;
        if (walkingMetresPerMinute <= 0 || shelterCount < 1) {
            throw new IllegalArgumentException("chizu.safety needs a positive walking speed and shelter count");
        }
    }

    /** Minutes to walk a distance at this speed, rounded up. */
    public int walkingMinutes(double metres) {
        return (int) Math.ceil(metres / walkingMetresPerMinute);
    }
}
