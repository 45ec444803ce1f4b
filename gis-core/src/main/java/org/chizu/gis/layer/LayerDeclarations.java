package org.chizu.gis.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.chizu.gis.layer.LayerDeclaration.Origin;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads layer declaration files: one YAML file per layer, from {@code layers/*.yml} on the
 * classpath (each module may declare its own) and from the optional folder
 * {@code chizu.layers.directory} for a town's own layers. Top-level keys that are not fields of
 * {@link Layer} are kept as the module sections of {@link LayerSections}. JSON reads too (it is YAML).
 */
@Component
public class LayerDeclarations {

    /** Identifiers are quoted into SQL, so they are held to plain lower-case names. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> FIELDS = Arrays.stream(Layer.class.getRecordComponents())
            .map(component -> component.getName()).filter(name -> !name.equals("sections")).collect(Collectors.toUnmodifiableSet());
    private static final List<String> REQUIRED = List.of("id", "title", "table", "geometry", "access", "licence");

    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final LayerProperties properties;

    public LayerDeclarations(LayerProperties properties) {
        this.properties = properties;
    }

    /**
     * The application's declarations, then the town folder's, each in file-name order.
     *
     * @throws InvalidLayerDeclarationException for the first file that cannot be taken
     */
    public List<LayerDeclaration> read() {
        List<LayerDeclaration> declarations = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:layers/*.yml");
            Arrays.sort(resources, Comparator.comparing(LayerDeclarations::orderKey));
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    declarations.add(new LayerDeclaration(parse(in, resource.getDescription()), Origin.APPLICATION,
                            resource.getDescription()));
                }
            }
            for (Path file : folderFiles()) {
                try (InputStream in = Files.newInputStream(file)) {
                    declarations.add(new LayerDeclaration(parse(in, file.toString()), Origin.FOLDER, file.toString()));
                } catch (NoSuchFileException removedMeanwhile) {
                    // Deleted between listing and reading: the folder watch hears of it and reads again.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read layer declarations: " + e.getMessage(), e);
        }
        return declarations;
    }

    /** The town folder's declaration files in name order; none without a folder. */
    List<Path> folderFiles() throws IOException {
        if (properties.directory() == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(properties.directory())) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** Declarations sort by file name, so a numeric prefix ("10-roads.yml") orders the layer list. */
    private static String orderKey(Resource resource) {
        return resource.getFilename() == null ? "" : resource.getFilename();
    }

    Layer parse(InputStream in, String source) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    }

    /**
     * One declaration, YAML or JSON.
     *
     * @throws InvalidLayerDeclarationException naming the field that is wrong
     */
    public Layer parse(String text, String source) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidLayerDeclarationException.unreadable(source, e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode fields)) {
            throw InvalidLayerDeclarationException.inField(source, "id", "is missing: a declaration is a mapping of fields");
        }
        for (String required : REQUIRED) {
            if (!fields.hasNonNull(required)) {
                throw InvalidLayerDeclarationException.inField(source, required, "is required");
            }
        }
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        ObjectNode known = fields.deepCopy();
        fields.properties().forEach(field -> {
            if (!FIELDS.contains(field.getKey())) {
                sections.put(field.getKey(), field.getValue());
                known.remove(field.getKey());
            }
        });
        Layer layer;
        try {
            layer = yaml.treeToValue(known, Layer.class).withSections(new LayerSections(sections));
        } catch (JsonMappingException e) {
            String path = LayerSections.path(e);
            String problem = e.getCause() != null && e.getCause() != e ? e.getCause().getMessage() : e.getOriginalMessage();
            throw InvalidLayerDeclarationException.inField(source, path.isEmpty() ? "(declaration)" : path.substring(1),
                    "is invalid: " + problem);
        } catch (JsonProcessingException | RuntimeException e) {
            throw InvalidLayerDeclarationException.inField(source, "(declaration)", "is invalid: " + e.getMessage());
        }
        checkIdentifier(layer.id(), "id", source);
        checkIdentifier(layer.table(), "table", source);
        checkIdentifier(layer.idColumn(), "idColumn", source);
        checkIdentifier(layer.geometry().column(), "geometry.column", source);
        checkIdentifier(layer.tiles().geometryColumn(), "tiles.geometryColumn", source);
        for (int i = 0; i < layer.attributes().size(); i++) {
            checkIdentifier(layer.attributes().get(i).name(), "attributes[" + i + "].name", source);
        }
        return layer;
    }

    private static void checkIdentifier(String value, String field, String source) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw InvalidLayerDeclarationException.inField(source, field, "'" + value + "' must be a lower-case name (a-z, 0-9, _)");
        }
    }
}
