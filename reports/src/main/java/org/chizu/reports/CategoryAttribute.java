package org.chizu.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** How a form names an answer: {@code attribute[CODE]}, or {@code attribute[CODE][]} for one of several. */
    private static final Pattern FORM_FIELD = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");

    public CategoryAttribute {
        values = List.copyOf(values);
    }

    public boolean isList() {
        return datatype.endsWith("valuelist");
    }

    /**
     * The answers in a submitted form ({@code attribute[CODE]=v}, {@code attribute[CODE][]=v1&…}) as
     * code → values, as both the report page and Open311 clients send them; other fields are ignored.
     */
    public static Map<String, List<String>> answersIn(Map<String, List<String>> form) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            Matcher matcher = FORM_FIELD.matcher(key);
            if (matcher.matches()) {
                answers.computeIfAbsent(matcher.group(1), c -> new ArrayList<>()).addAll(values);
            }
        });
        return answers;
    }

    /** An allowed answer: its key and its name. */
    public record AllowedAnswer(String key, String name) {
    }
}
