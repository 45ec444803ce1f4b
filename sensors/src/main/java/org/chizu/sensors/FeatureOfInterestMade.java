package org.chizu.sensors;

/**
 * Published by {@link Observations#append} inside its transaction when it made a FeatureOfInterest
 * from a Thing's Location for readings that named none: an entity created without a request that
 * created it, which the MQTT extension's subscribers of {@code v1.1/FeaturesOfInterest} are told of.
 */
public record FeatureOfInterestMade(long id) {
}
