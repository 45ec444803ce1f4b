package org.chizu.forestry.access;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A firm's application as the firm and staff see it.
 *
 * @param area             the applied area as GeoJSON (longitude/latitude)
 * @param compartments     the forests layer's rows it was made of; empty for a drawn polygon
 * @param status           pending, approved or refused
 * @param surveyApproval   the surveying body's approval reference (測量法), once approved
 * @param reason           why it was refused, or staff's note on an approval
 */
public record Application(long id, long organisation, @JsonRawValue String area, List<Long> compartments,
        List<String> products, String purpose, String termsVersion, String status, Instant appliedAt, Instant decidedAt,
        String surveyApproval, String reason) {
}
