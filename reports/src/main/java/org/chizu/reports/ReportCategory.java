package org.chizu.reports;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.chizu.platform.Label;

/**
 * Something a resident can report, as configured in {@code report_category}; also an Open311
 * service whose service_code is {@code code}.
 *
 * @param code               the category id ("pothole")
 * @param name               what it is called
 * @param description        what belongs in it
 * @param group              the Open311 service group ("road", "water")
 * @param keywords           Open311 keywords, comma-separated
 * @param snapLayer          the layer a pin is snapped to: {@code roads} or {@code water_pipes}; not shown
 *                           to the public, since the pipes layer is staff-only ({@link #snapsTo()} says it in words)
 * @param snapToleranceMetres how far a pin may lie from that layer's nearest feature to be snapped to it
 * @param duplicateRadiusMetres how far the report page looks for open reports of the same category
 * @param attributes         the extra questions the category asks (Open311 service attributes)
 */
public record ReportCategory(
        String code,
        Label name,
        Label description,
        String group,
        String keywords,
        @JsonIgnore String snapLayer,
        double snapToleranceMetres,
        double duplicateRadiusMetres,
        List<CategoryAttribute> attributes) {

    public ReportCategory {
        attributes = List.copyOf(attributes);
    }

    public boolean snapsToPipes() {
        return "water_pipes".equals(snapLayer);
    }

    /** What a pin of this category is matched to, in words for people. */
    @JsonProperty
    public Label snapsTo() {
        return snapsToPipes() ? new Label("水道管", "water pipes") : new Label("道路", "roads");
    }
}
