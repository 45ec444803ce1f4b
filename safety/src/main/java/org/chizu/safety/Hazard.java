package org.chizu.safety;

import java.util.Arrays;
import java.util.Optional;

/**
 * A kind of hazard that both a hazard zone and a shelter's designation name: a point inside a
 * landslide zone needs a shelter designated for landslides (崖崩れ・土石流及び地滑り).
 */
public enum Hazard {
    LANDSLIDE("for_landslide", "landslide_warning", "landslide_special_warning"),
    FLOOD("for_flood", "flood"),
    TSUNAMI("for_tsunami", "tsunami");

    private final String shelterFlag;
    private final String[] zoneKinds;

    Hazard(String shelterFlag, String... zoneKinds) {
        this.shelterFlag = shelterFlag;
        this.zoneKinds = zoneKinds;
    }

    /** The facilities attribute that marks a shelter as designated for this hazard. */
    public String shelterFlag() {
        return shelterFlag;
    }

    /** The hazard a zone of this kind (hazard_zones.kind) exposes people to. */
    public static Optional<Hazard> ofZoneKind(String zoneKind) {
        return Arrays.stream(values()).filter(h -> Arrays.asList(h.zoneKinds).contains(zoneKind)).findFirst();
    }
}
