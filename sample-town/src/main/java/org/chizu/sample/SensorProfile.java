package org.chizu.sample;

import java.util.Random;

/**
 * How one sample sensor's readings go, kept in its Datastream's {@code properties.sample} so that the
 * simulation replays what the sample placed: a quiet value with a slow daily swing, and in a heavy
 * rain a rise to {@code peak} around {@code peakHour} hours into the event, {@code width} hours wide,
 * and back.
 *
 * @param quiet      the value on a dry day
 * @param dailySwing how far the value swings over a quiet day (a day's drying and dew)
 * @param peak       the highest value in the rain event
 * @param peakHour   hours from the start of the event to its peak
 * @param width      hours over which the rise and the fall spread
 * @param noise      the readings' jitter (standard deviation)
 * @param resolution the instrument's step (0.5 mm of a tipping-bucket rain gauge, 1 cm of a river gauge)
 */
record SensorProfile(double quiet, double dailySwing, double peak, double peakHour, double width, double noise, double resolution) {

    /** The reading {@code minutes} into a quiet day. */
    double quietReading(int minutes, Random random) {
        return reading(quiet + dailySwing * Math.sin(2 * Math.PI * minutes / (24 * 60.0)), random);
    }

    /** The reading {@code hours} into the rain event. */
    double eventReading(double hours, Random random) {
        double x = (hours - peakHour) / width;
        return reading(quiet + (peak - quiet) * Math.exp(-x * x), random);
    }

    private double reading(double value, Random random) {
        double measured = Math.max(0, value + noise * random.nextGaussian());
        // Through decimals: steps of 0.01 multiplied in binary would read 2.5500000000000003.
        return java.math.BigDecimal.valueOf(Math.round(measured / resolution)).multiply(java.math.BigDecimal.valueOf(resolution)).doubleValue();
    }
}
