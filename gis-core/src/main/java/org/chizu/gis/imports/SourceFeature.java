package org.chizu.gis.imports;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a reader found it in the file, before any checks.
 *
 * @param number     the feature's position in the file, counting from 1
 * @param line       the line it starts on in a text file (CSV, the header being line 1), or null
 * @param geometry   its geometry in the file's coordinates, or null when it has none
 * @param properties its fields by the file's own names, values as read (text, numbers, booleans)
 */
record SourceFeature(int number, Integer line, Geometry geometry, Map<String, Object> properties) {

    /** A problem with this feature, located by line when it has one, else by number. */
    InputProblem problem(String field, String message) {
        return problemAt(number, line, field, message);
    }

    /** A problem with the feature of this number and line (null for formats without lines). */
    static InputProblem problemAt(int number, Integer line, String field, String message) {
        return line != null ? InputProblem.atLine(line, field, message) : InputProblem.atFeature(number, field, message);
    }
}
