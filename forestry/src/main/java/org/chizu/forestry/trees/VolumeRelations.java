package org.chizu.forestry.trees;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Height–volume relations per species, read from {@code forestry/volume-relations.yml}: a tree's
 * stem volume estimated as a · height^b. A species the file does not name takes the default's.
 */
public record VolumeRelations(String defaultSpecies, Map<String, Relation> species) {

    public record Relation(double a, double b) {
        double volume(double height) {
            return a * Math.pow(height, b);
        }
    }


    public static VolumeRelations shipped() {
        try (InputStream in = VolumeRelations.class.getResourceAsStream("/forestry/volume-relations.yml")) {
            var tree = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Relation> species = new java.util.LinkedHashMap<>();
            tree.get("species").fields().forEachRemaining(entry -> species.put(entry.getKey(),
                    new Relation(entry.getValue().get("a").asDouble(), entry.getValue().get("b").asDouble())));
            String fallback = tree.get("default").asText();
            if (!species.containsKey(fallback)) {
                throw new IllegalStateException("volume-relations.yml: the default species " + fallback + " has no relation");
            }
            return new VolumeRelations(fallback, Map.copyOf(species));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The estimated stem volume in m³ of a tree of a species (null when the register names none). */
    public double volume(String speciesName, double height) {
        return species.getOrDefault(speciesName == null ? defaultSpecies : speciesName, species.get(defaultSpecies)).volume(height);
    }
}
