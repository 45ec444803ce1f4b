package org.chizu.forestry.access;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a firm sends to apply.
 *
 * @param organisation the approved organisation applying; the caller must be its member
 * @param compartments ids of sub-compartments of the forests layer, or
 * @param area         a drawn polygon as GeoJSON (Polygon or MultiPolygon, longitude/latitude): one of the two
 * @param termsVersion the version of {@link ForestryTerms} the firm accepted
 */
public record NewApplication(Long organisation, List<Long> compartments, JsonNode area, List<String> products,
        String purpose, String termsVersion) {
}
