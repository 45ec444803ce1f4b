package org.chizu.gis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.chizu.platform.Label;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The known file layouts, read once from {@code layouts/*.yml} on the classpath (each module may
 * add its own, as with layers). See {@link SourceLayout} for what one declares.
 */
@Component
class SourceLayouts {

    /** A layout is suggested for a file that has at least this share of the columns it knows. */
    private static final double SUGGESTION_OVERLAP = 0.5;

    private final List<SourceLayout> layouts;

    SourceLayouts() {
        this(read("classpath*:layouts/*.yml"));
    }

    SourceLayouts(List<SourceLayout> layouts) {
        this.layouts = List.copyOf(layouts);
    }

    List<SourceLayout> all() {
        return layouts;
    }

    /**
     * The layout of this id.
     *
     * @throws IllegalArgumentException naming the known ones, when there is none
     */
    SourceLayout named(String id) {
        return layouts.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown layout '" + id + "': known are "
                        + layouts.stream().map(SourceLayout::id).collect(Collectors.joining(", "))));
    }

    /**
     * The layout a file with these columns is in, among those of any layer: the one whose detecting
     * columns are all there, the one with most of them when several are.
     */
    Optional<SourceLayout> detect(Set<String> columns) {
        Set<String> normalized = normalized(columns);
        return layouts.stream().filter(l -> l.matches(normalized))
                .max(Comparator.comparingInt(l -> l.detect().size()));
    }

    /**
     * The layout of the layer that a file with these columns most resembles, when it has at least
     * half the columns the layout knows: what to suggest when a file is not recognised.
     */
    Optional<SourceLayout> closest(String layerId, Set<String> columns) {
        Set<String> normalized = normalized(columns);
        return layouts.stream().filter(l -> l.layer().equals(layerId))
                .filter(l -> l.overlap(normalized) >= SUGGESTION_OVERLAP)
                .max(Comparator.comparingDouble(l -> l.overlap(normalized)));
    }

    private static Set<String> normalized(Set<String> columns) {
        return columns.stream().map(FieldNames::normalized).collect(Collectors.toSet());
    }

    private static List<SourceLayout> read(String pattern) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<SourceLayout> read = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    read.add(parse(yaml.readTree(in), resource.getDescription()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read file layouts: " + e.getMessage(), e);
        }
        read.sort(Comparator.comparing(SourceLayout::id));
        return read;
    }

    static SourceLayout parse(JsonNode node, String source) {
        try {
            Map<String, SourceLayout.Column> columns = new LinkedHashMap<>();
            node.path("columns").properties().forEach(e -> columns.put(e.getKey(), e.getValue().isTextual()
                    ? new SourceLayout.Column(e.getValue().textValue(), null)
                    : new SourceLayout.Column(e.getValue().path("attribute").textValue(), scalars(e.getValue().path("values")))));
            Map<String, String> ignore = new LinkedHashMap<>();
            node.path("ignore").properties().forEach(e -> ignore.put(e.getKey(), e.getValue().asText()));
            List<String> detect = new ArrayList<>();
            node.path("detect").forEach(column -> detect.add(column.asText()));
            JsonNode title = node.path("title");
            return new SourceLayout(node.path("id").textValue(), new Label(title.path("ja").asText(), title.path("en").asText()),
                    node.path("spec").textValue(), node.path("layer").textValue(), detect, scalars(node.path("constants")),
                    columns, ignore);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the file layout " + source + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A YAML mapping of scalars, with "" for a null key's value and YAML's own types kept. */
    private static Map<String, Object> scalars(JsonNode mapping) {
        Map<String, Object> values = new LinkedHashMap<>();
        mapping.properties().forEach(e -> {
            JsonNode value = e.getValue();
            values.put(e.getKey(), value.isBoolean() ? value.booleanValue() : value.isNull() ? null : value.asText());
        });
        return values;
    }
}
