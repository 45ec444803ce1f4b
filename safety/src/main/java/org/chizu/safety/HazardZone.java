package org.chizu.safety;

import org.chizu.platform.Label;

/**
 * A hazard zone (ハザード区域) that contains a place.
 *
 * @param id         the feature id in layer {@code hazard_zones}
 * @param kind       the zone kind ("landslide_warning" …)
 * @param kindLabel  the kind as the registry labels it
 * @param name       the zone's own name, or null
 * @param floodDepth the expected flood depth class as labelled, or null when the zone has none
 */
public record HazardZone(long id, String kind, Label kindLabel, String name, Label floodDepth) {
}
