package org.chizu.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real public data in the shared data folder: Shimane's municipal boundaries (国土数値情報
 * 行政区域, simplified) and GSI's shelters (指定緊急避難場所・指定避難所データ) of the two towns.
 * The files are read where they are and never copied into the project.
 */
final class SharedDataFolder {

    static final String BOUNDARIES = "boundaries/shimane-municipalities-2021.geojson";

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    SharedDataFolder(Path folder) {
        this.folder = folder;
    }

    /** The files this folder needs and lacks; empty when the real data can be used. */
    List<Path> missingFiles() {
        return Stream.concat(Stream.of(BOUNDARIES), Town.ALL.stream().flatMap(t -> Stream.of(emergency(t), evacuation(t))))
                .map(folder::resolve).filter(path -> !Files.isRegularFile(path)).toList();
    }

    /** What is missing, for telling the user: the whole folder, or which files in it. */
    String describeMissing() {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            return "no shared data folder at " + absolute;
        }
        return "the shared data folder " + absolute + " lacks " + missingFiles().stream()
                .map(path -> folder.relativize(path).toString()).collect(Collectors.joining(", "));
    }

    Path folder() {
        return folder;
    }

    SampleGeography read() {
        Map<String, List<Shelter>> shelters = new LinkedHashMap<>();
        for (Town town : Town.ALL) {
            List<Shelter> ofTown = new ArrayList<>(shelters(emergency(town), true));
            ofTown.addAll(shelters(evacuation(town), false));
            ofTown.sort(Comparator.comparing(Shelter::kind).thenComparing(Shelter::sourceId));
            shelters.put(town.code(), List.copyOf(ofTown));
        }
        return new SampleGeography(municipalities(), shelters, true);
    }

    private List<Municipality> municipalities() {
        List<Municipality> result = new ArrayList<>();
        for (JsonNode feature : features(BOUNDARIES)) {
            JsonNode properties = feature.get("properties");
            String code = properties.get("N03_007").asText();
            result.add(new Municipality(code, properties.get("N03_004").asText(),
                    Municipality.SHIMANE_NAMES_EN.get(code), feature.get("geometry").toString()));
        }
        return result;
    }

    private List<Shelter> shelters(String file, boolean emergency) {
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

    private JsonNode features(String file) {
        try {
            return json.readTree(folder.resolve(file).toFile()).get("features");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve(file), e);
        }
    }

    private static String emergency(Town town) {
        return "shelters/emergency-" + withCheckDigit(town) + ".geojson";
    }

    private static String evacuation(Town town) {
        return "shelters/evacuation-" + withCheckDigit(town) + ".geojson";
    }

    /** The six-digit code with its JIS X 0401 check digit (322041 for 32204), as the shelter files are named. */
    static String withCheckDigit(Town town) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (town.code().charAt(i) - '0') * (6 - i);
        }
        return town.code() + (11 - sum % 11) % 10;
    }
}
