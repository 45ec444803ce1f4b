package org.chizu.safety;

import org.chizu.gis.municipalities.Municipalities;
import org.chizu.safety.SafetyAnswer.Coverage;
import org.springframework.stereotype.Component;

/**
 * Whether a place lies in a municipality this platform serves (行政区域). A platform that has loaded
 * no boundaries yet serves everywhere, so that a town's hazard data answers before its boundary is
 * imported.
 */
@Component
class ServedArea {

    private final Municipalities municipalities;

    ServedArea(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    Coverage of(Place place) {
        return municipalities.containing(place.lon(), place.lat())
                .map(municipality -> new Coverage(true, municipality))
                .orElseGet(() -> new Coverage(!municipalities.anyLoaded(), null));
    }
}
