package org.chizu.opendata.version;

import java.util.Map;

/**
 * How one feature differs between a version and now.
 *
 * @param id         the feature id
 * @param change     added, changed or removed
 * @param properties its attributes now, or for a removed feature the last ones it had
 */
public record FeatureChange(long id, Kind change, Map<String, Object> properties) {

    public enum Kind {
        ADDED, CHANGED, REMOVED
    }
}
