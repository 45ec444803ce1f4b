package org.chizu.gis.imports;

/**
 * One thing wrong with an input file, with where it is: the line (CSV, counting the header as
 * line 1) or the feature (GeoJSON and GeoPackage, counting from 1), and the field when one field
 * is at fault.
 *
 * @param line    the line number in a text file, or null
 * @param feature the feature number, or null
 * @param field   the attribute or column at fault, or null for the row as a whole
 * @param message what is wrong, in words the person who made the file understands
 */
public record InputProblem(Integer line, Integer feature, String field, String message) {

    public static InputProblem atLine(int line, String field, String message) {
        return new InputProblem(line, null, field, message);
    }

    public static InputProblem atFeature(int feature, String field, String message) {
        return new InputProblem(null, feature, field, message);
    }

    public static InputProblem ofFile(String message) {
        return new InputProblem(null, null, null, message);
    }

    /** "line 5, field width_m: 'abc' is not a number". */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (line != null) {
            where.append("line ").append(line);
        } else if (feature != null) {
            where.append("feature ").append(feature);
        }
        if (field != null) {
            where.append(where.isEmpty() ? "" : ", ").append("field ").append(field);
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
