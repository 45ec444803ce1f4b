package org.chizu.safety;

import org.chizu.platform.Label;

/**
 * A shelter near a place, with how far it is as the crow flies.
 *
 * @param id             the feature id in layer {@code facilities}
 * @param name           the shelter's name
 * @param kind           "designated_shelter" (指定避難所) or "emergency_evacuation_site" (指定緊急避難場所)
 * @param kindLabel      the kind as the registry labels it
 * @param address        its address, or null
 * @param capacity       how many people it takes, or null when unknown
 * @param open           whether staff have marked it open for the current event
 * @param suitable       whether it is designated for every hazard the place is exposed to
 * @param distanceMetres geodesic straight-line distance on the GRS80 spheroid, in metres
 * @param walkingMinutes that distance at the configured walking speed, rounded up; real routes are longer
 * @param lon            its longitude (JGD2011, which agrees with WGS 84 to well under a metre)
 * @param lat            its latitude
 */
public record Shelter(long id, String name, String kind, Label kindLabel, String address, Integer capacity,
                      boolean open, boolean suitable, double distanceMetres, int walkingMinutes,
                      double lon, double lat) {
}
