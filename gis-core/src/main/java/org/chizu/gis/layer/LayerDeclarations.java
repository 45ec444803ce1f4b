package org.chizu.gis.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads layer declarations: one YAML file per layer, from {@code layers/*.yml} on the classpath
 * (each module may declare its own) and from the optional folder {@code chizu.layers.directory}
 * for a town's own layers.
 */
@Component
public class LayerDeclarations {

    /** Identifiers are quoted into SQL, so they are held to plain lower-case names. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final LayerProperties properties;

    public LayerDeclarations(LayerProperties properties) {
        this.properties = properties;
    }

    public List<Layer> read() {
        List<Layer> layers = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:layers/*.yml");
            Arrays.sort(resources, Comparator.comparing(LayerDeclarations::orderKey));
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    layers.add(parse(in, resource.getDescription()));
                }
            }
            if (properties.directory() != null) {
                try (Stream<Path> files = Files.list(properties.directory())) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            layers.add(parse(in, file.toString()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read layer declarations: " + e.getMessage(), e);
        }
        return layers;
    }

    /** Declarations sort by file name, so a numeric prefix ("10-roads.yml") orders the layer list. */
    private static String orderKey(Resource resource) {
        return resource.getFilename() == null ? "" : resource.getFilename();
    }

    Layer parse(InputStream in, String origin) {
        Layer layer;
        try {
            layer = yaml.readValue(in, Layer.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("layer declaration " + origin + " is invalid: " + e.getMessage(), e);
        }
        checkIdentifier(layer.id(), "id", origin);
        checkIdentifier(layer.table(), "table", origin);
        checkIdentifier(layer.idColumn(), "idColumn", origin);
        checkIdentifier(layer.geometry().column(), "geometry column", origin);
        checkIdentifier(layer.tiles().geometryColumn(), "tiles geometryColumn", origin);
        layer.attributes().forEach(a -> checkIdentifier(a.name(), "attribute name", origin));
        return layer;
    }

    private static void checkIdentifier(String value, String what, String origin) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalStateException("layer declaration " + origin + ": " + what + " '" + value
                    + "' must be a lower-case name (a-z, 0-9, _)");
        }
    }
}
