package org.chizu.forestry.laser;

import java.util.List;
import java.util.Locale;

/** A JGD2011 plane rectangular zone (平面直角座標系) named as surveyors do: "III", or "3". */
final class PlaneRectangularZone {

    private static final List<String> NUMERALS = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX");
    /** EPSG:6669 is JGD2011 zone I; the others follow in order. */
    private static final int ZONE_I = 6669;

    private PlaneRectangularZone() {
    }

    /** The zone's EPSG code. */
    static int srid(String zone) {
        String name = zone.trim().toUpperCase(Locale.ROOT);
        int index = NUMERALS.indexOf(name);
        if (index < 0 && name.matches("\\d{1,2}")) {
            index = Integer.parseInt(name) - 1;
        }
        if (index < 0 || index >= NUMERALS.size()) {
            throw new IllegalArgumentException("zone " + zone + " is not a plane rectangular zone (I to XIX, or 1 to 19)");
        }
        return ZONE_I + index;
    }
}
