package org.chizu.safety;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chizu.platform.Label;
import org.chizu.safety.SafetyAnswer.Coverage;
import org.chizu.safety.SafetyAnswer.Distances;
import org.springframework.stereotype.Service;

/** Answers "Is this place safe?": the hazard zones at a place and the shelters to go to. */
@Service
public class SafetyAssessor {

    private static final Label OUTSIDE = new Label(
            "この地点は本サービスの対象市町村の外にあるため、判定できません。",
            "This place is outside the municipalities this service covers, so it cannot be assessed.");
    private static final Label NO_ZONE = new Label(
            "この地点は登録されているハザード区域に含まれていません。",
            "This place is not inside any mapped hazard zone.");

    private final ServedArea servedArea;
    private final HazardZoneLookup zones;
    private final ShelterFinder shelters;
    private final SafetyProperties properties;

    SafetyAssessor(ServedArea servedArea, HazardZoneLookup zones, ShelterFinder shelters, SafetyProperties properties) {
        this.servedArea = servedArea;
        this.zones = zones;
        this.shelters = shelters;
        this.properties = properties;
    }

    public SafetyAnswer assess(Place place) {
        Coverage area = servedArea.of(place);
        if (!area.served()) {
            return new SafetyAnswer(place, area, OUTSIDE, List.of(), null, distances());
        }
        List<HazardZone> containing = zones.zonesContaining(place);
        Set<Hazard> exposure = containing.stream().map(z -> Hazard.ofZoneKind(z.kind())).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Hazard.class)));
        return new SafetyAnswer(place, area, summary(containing), containing, shelters.nearest(place, exposure),
                distances());
    }

    private static Label summary(List<HazardZone> containing) {
        if (containing.isEmpty()) {
            return NO_ZONE;
        }
        return new Label(
                "この地点は次の区域内です：" + containing.stream().map(z -> z.kindLabel().ja()).distinct()
                        .collect(Collectors.joining("、")),
                "This place is inside: " + containing.stream().map(z -> z.kindLabel().en()).distinct()
                        .collect(Collectors.joining(", ")) + ".");
    }

    private Distances distances() {
        String speed = String.valueOf(Math.round(properties.walkingMetresPerMinute()));
        return new Distances("straight_line", properties.walkingMetresPerMinute(), new Label(
                "距離は直線距離です。実際に歩く道のりはこれより長くなります。徒歩時間は分速" + speed + "mで計算した目安です。",
                "Distances are in a straight line; the walk along roads is longer. Walking times assume "
                        + speed + " m per minute."));
    }
}
