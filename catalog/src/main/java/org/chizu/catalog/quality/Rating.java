package org.chizu.catalog.quality;

import java.util.Locale;

/**
 * MQA's rating bands. MQA draws them on its 405 points (excellent from 351, good from 221,
 * sufficient from 121); Chizu scores fewer metrics, so the bands are applied to the same
 * share of the points that could be earned.
 */
public enum Rating {
    EXCELLENT(351), GOOD(221), SUFFICIENT(121), BAD(0);

    private static final int MQA_MAXIMUM = 405;

    private final int mqaThreshold;

    Rating(int mqaThreshold) {
        this.mqaThreshold = mqaThreshold;
    }

    /** The band a score falls in; {@code max} 0 (nothing measured yet) rates bad. */
    public static Rating of(int score, int max) {
        for (Rating rating : values()) {
            if (max > 0 && (long) score * MQA_MAXIMUM >= (long) rating.mqaThreshold * max) {
                return rating;
            }
        }
        return BAD;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
