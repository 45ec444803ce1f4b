package org.chizu.sample;

/** Short place names for road and zone names: 美都町都茂 → 都茂, 白上町 → 白上, 高津 → 高津. */
final class VillageNames {

    private VillageNames() {
    }

    static String shortName(String district) {
        int town = district.indexOf('町');
        String place = town >= 0 && town < district.length() - 1 ? district.substring(town + 1) : district;
        return place.endsWith("町") && place.length() > 1 ? place.substring(0, place.length() - 1) : place;
    }
}
