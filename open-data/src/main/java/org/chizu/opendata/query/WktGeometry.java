package org.chizu.opendata.query;

import java.util.Arrays;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A geometry in WKT that PostGIS will take as JTS read it: the whole text is the geometry (JTS stops
 * at the end of one and ignores the rest, the database does not), every coordinate is a finite number,
 * and the geometry is valid (a ring of fewer than four points, or one crossing itself, is refused by
 * PostGIS's spatial predicates).
 */
public final class WktGeometry {

    private WktGeometry() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the text */
    public static Geometry read(String text) {
        Geometry geometry;
        try {
            geometry = new WKTReader().read(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a WKT geometry: " + e.getMessage());
        }
        String rest = text.substring(end(text)).strip();
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unexpected '" + rest + "' after the WKT geometry");
        }
        if (!Arrays.stream(geometry.getCoordinates()).allMatch(c -> Double.isFinite(c.x) && Double.isFinite(c.y))) {
            throw new IllegalArgumentException("every coordinate of a WKT geometry must be a finite number");
        }
        if (!geometry.isValid()) {
            throw new IllegalArgumentException("the WKT geometry is not valid (a ring that crosses itself, "
                    + "is not closed or has fewer than four points)");
        }
        return geometry;
    }

    /** Where the geometry ends: after the parenthesis closing its first one, or after EMPTY. */
    private static int end(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        int empty = text.toUpperCase(Locale.ROOT).indexOf("EMPTY");
        return empty < 0 ? text.length() : empty + "EMPTY".length();
    }
}
