package org.chizu.sample;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What loading the sample town did.
 *
 * @param loaded   whether the sample town was loaded now; false when the database already held data
 * @param features the number of rows in each table afterwards, by table, in a fixed order
 */
public record LoadReport(boolean loaded, Map<String, Long> features) {

    /** The counts as one line: "municipalities 19, facilities 355, roads 2345, …". */
    public String counts() {
        return features.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
