package org.chizu.gis.imports;

/**
 * One thing wrong with an input file, with where it is: the line (CSV, counting the header as
 * line 1) or the feature (GeoJSON and GeoPackage, counting from 1), and the field when one field
 * is at fault. The same problem of many features is one problem located at the first of them,
 * with their count.
 *
 * @param line    the line number in a text file, or null
 * @param feature the feature number, or null
 * @param field   the attribute or column at fault, or null for the row as a whole
 * @param message what is wrong, in words the person who made the file understands
 * @param count   how many features have this problem, when more than one; else null
 */
public record InputProblem(Integer line, Integer feature, String field, String message, Integer count) {

    public InputProblem(Integer line, Integer feature, String field, String message) {
        this(line, feature, field, message, null);
    }

    public static InputProblem atLine(int line, String field, String message) {
        return new InputProblem(line, null, field, message);
    }

    public static InputProblem atFeature(int feature, String field, String message) {
        return new InputProblem(null, feature, field, message);
    }

    public static InputProblem ofFile(String message) {
        return new InputProblem(null, null, null, message);
    }

    /** The same problem, said of this many features. */
    InputProblem times(int features) {
        return new InputProblem(line, feature, field, message, features > 1 ? features : null);
    }

    /** "line 5, field width_m: 'abc' is not a number". */
    @Override
    public String toString() {
        String where = where();
        if (field != null) {
            where += (where.isEmpty() ? "" : ", ") + "field " + field;
        }
        return where.isEmpty() ? message : where + ": " + message;
    }

    /** "line 5", "feature 3", or empty for the file as a whole. */
    String where() {
        return line != null ? "line " + line : feature != null ? "feature " + feature : "";
    }
}
