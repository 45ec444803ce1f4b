package org.chizu.sample;

import java.util.Map;

/**
 * A municipal boundary (行政区域) to load into {@code municipalities}.
 *
 * @param code     five-digit code
 * @param nameJa   Japanese name
 * @param nameEn   English name, or null when not known
 * @param geoJson  the outline as a GeoJSON Polygon or MultiPolygon in longitude/latitude
 */
record Municipality(String code, String nameJa, String nameEn, String geoJson) {

    /** English names of Shimane's municipalities, by code. */
    static final Map<String, String> SHIMANE_NAMES_EN = Map.ofEntries(
            Map.entry("32201", "Matsue"), Map.entry("32202", "Hamada"), Map.entry("32203", "Izumo"),
            Map.entry("32204", "Masuda"), Map.entry("32205", "Oda"), Map.entry("32206", "Yasugi"),
            Map.entry("32207", "Gotsu"), Map.entry("32209", "Unnan"), Map.entry("32343", "Okuizumo"),
            Map.entry("32386", "Iinan"), Map.entry("32441", "Kawamoto"), Map.entry("32448", "Misato"),
            Map.entry("32449", "Onan"), Map.entry("32501", "Tsuwano"), Map.entry("32505", "Yoshika"),
            Map.entry("32525", "Ama"), Map.entry("32526", "Nishinoshima"), Map.entry("32527", "Chibu"),
            Map.entry("32528", "Okinoshima"));
}
