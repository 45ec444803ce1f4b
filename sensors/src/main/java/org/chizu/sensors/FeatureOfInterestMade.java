package org.chizu.sensors;

/**
 * Published inside the appending transaction ({@link Observations#append}, {@link MultiObservations}) when
 * it made a FeatureOfInterest from a Thing's Location for readings that named none: an entity created without a request that
 * created it, which the MQTT extension's subscribers of {@code v1.1/FeaturesOfInterest} are told of.
 */
public record FeatureOfInterestMade(long id) {
}
