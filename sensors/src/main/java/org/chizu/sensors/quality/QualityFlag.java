package org.chizu.sensors.quality;

/** Why quality control did not take a reading as valid, as written in its {@code resultQuality.qualityFlags}. */
public enum QualityFlag {
    /** Below the declared minimum or above the maximum. */
    RANGE("range"),
    /** Changed faster than the declared rate from the previous valid reading: a spike. */
    RATE_OF_CHANGE("rate-of-change"),
    /** The same value too many times or for too long: a stuck sensor. */
    FLAT_LINE("flat-line");

    private final String code;

    QualityFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
