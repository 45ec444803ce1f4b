package org.chizu.forestry.laser;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The coordinate system declared for files that carry none, as the command and the staff upload take
 * it: a JGD2011 plane rectangular zone ("III" or "3") or any EPSG code, not both.
 */
public final class DeclaredSrid {

    private DeclaredSrid() {
    }

    /**
     * @return the EPSG code declared, empty when neither is given
     * @throws IllegalArgumentException naming the zone or code that is not one, or when both are given
     */
    public static OptionalInt of(Optional<String> zone, Optional<String> epsg) {
        if (zone.isPresent() && epsg.isPresent()) {
            throw new IllegalArgumentException("give a zone or an EPSG code, not both");
        }
        if (epsg.isPresent()) {
            String code = epsg.get().trim();
            if (!code.matches("[0-9]{4,6}")) {
                throw new IllegalArgumentException("EPSG " + code + " is not an EPSG code");
            }
            return OptionalInt.of(Integer.parseInt(code));
        }
        return zone.map(name -> OptionalInt.of(PlaneRectangularZone.srid(name))).orElse(OptionalInt.empty());
    }
}
