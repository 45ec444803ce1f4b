package org.chizu.reports;

import java.util.List;

import org.chizu.platform.Label;

/**
 * One extra question of a report category: an Open311 service attribute.
 *
 * @param code        the attribute code used in {@code attribute[CODE]}
 * @param datatype    the Open311 datatype: string, number, datetime, text, singlevaluelist or multivaluelist
 * @param required    whether a request must answer it
 * @param description the question
 * @param order       its place among the category's questions
 * @param values      the allowed answers of a list, in order; empty for other datatypes
 */
public record CategoryAttribute(String code, String datatype, boolean required, Label description, int order,
        List<AllowedAnswer> values) {

    public CategoryAttribute {
        values = List.copyOf(values);
    }

    public boolean isList() {
        return datatype.endsWith("valuelist");
    }

    /** An allowed answer: its key and its name. */
    public record AllowedAnswer(String key, String name) {
    }
}
