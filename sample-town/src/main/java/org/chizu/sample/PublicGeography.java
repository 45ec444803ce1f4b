package org.chizu.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the ground of the sample town from the shipped public data: Shimane's municipal boundaries
 * (国土数値情報 行政区域) and GSI's shelters (指定緊急避難場所・指定避難所データ) of the two towns.
 */
final class PublicGeography {

    private final ObjectMapper json = new ObjectMapper();

    SampleGeography read() {
        Map<String, List<Shelter>> shelters = new LinkedHashMap<>();
        for (Town town : Town.ALL) {
            List<Shelter> ofTown = new ArrayList<>(shelters(town.emergencySites(), true));
            ofTown.addAll(shelters(town.shelters(), false));
            ofTown.sort(Comparator.comparing(Shelter::kind).thenComparing(Shelter::sourceId));
            shelters.put(town.code(), List.copyOf(ofTown));
        }
        return new SampleGeography(municipalities(), shelters);
    }

    private List<Municipality> municipalities() {
        List<Municipality> result = new ArrayList<>();
        for (JsonNode feature : features(PublicDataFile.SHIMANE_BOUNDARIES)) {
            JsonNode properties = feature.get("properties");
            String code = properties.get("N03_007").asText();
            result.add(new Municipality(code, properties.get("N03_004").asText(),
                    Municipality.SHIMANE_NAMES_EN.get(code), feature.get("geometry").toString()));
        }
        return result;
    }

    private List<Shelter> shelters(PublicDataFile file, boolean emergency) {
        List<Shelter> result = new ArrayList<>();
        for (JsonNode feature : features(file)) {
            JsonNode p = feature.get("properties");
            JsonNode coordinates = feature.get("geometry").get("coordinates");
            Shelter.Designation designation = emergency ? new Shelter.Designation(
                    flag(p, "洪水"), flag(p, "崖崩れ、土石流及び地滑り"), flag(p, "高潮"), flag(p, "地震"),
                    flag(p, "津波"), flag(p, "大規模な火事"), flag(p, "内水氾濫"), flag(p, "火山現象")) : null;
            result.add(new Shelter(p.get("共通ID").asText(),
                    emergency ? Shelter.EMERGENCY_EVACUATION_SITE : Shelter.DESIGNATED_SHELTER,
                    p.get("施設・場所名").asText(), p.get("住所").asText(),
                    new LonLat(coordinates.get(0).asDouble(), coordinates.get(1).asDouble()), designation));
        }
        return result;
    }

    private static boolean flag(JsonNode properties, String hazard) {
        return "1".equals(properties.path(hazard).asText());
    }

    private JsonNode features(PublicDataFile file) {
        try (InputStream in = file.open()) {
            return json.readTree(in).get("features");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.resourceName(), e);
        }
    }
}
