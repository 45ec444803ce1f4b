package org.chizu.gis.layer;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The sections of a declaration that gis-core does not know, kept as they were written, each read
 * by the module that owns it with its own type. Immutable; equal when the written sections are.
 * A section is read into its type once and then handed out again.
 */
public final class LayerSections {

    static final LayerSections NONE = new LayerSections(Map.of());

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, JsonNode> written;
    private final Map<LayerSectionType<?>, Object> read = new ConcurrentHashMap<>();

    LayerSections(Map<String, JsonNode> written) {
        this.written = Map.copyOf(written);
    }

    /** The names of the sections written. */
    public Set<String> names() {
        return written.keySet();
    }

    /**
     * The section read as {@code type}; empty when the declaration has none.
     *
     * @throws IllegalArgumentException when the section does not read as that type; the registry
     *                                  reads every claimed section on load, so this does not happen later
     */
    public <T> Optional<T> get(String name, Class<T> type) {
        JsonNode node = written.get(name);
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(type.cast(read.computeIfAbsent(new LayerSectionType<>(name, type), key -> convert(node, type))));
    }

    private static Object convert(JsonNode node, Class<?> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new SectionException(path(e), e.getOriginalMessage(), e);
        } catch (Exception e) {
            throw new SectionException("", e.getMessage(), e);
        }
    }

    /** The field inside a section that did not read, as {@code standards[0].columns} would be written. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A section that does not read as its type; {@code path} is where inside it, possibly empty. */
    static final class SectionException extends IllegalArgumentException {

        final String path;

        SectionException(String path, String message, Throwable cause) {
            super(message, cause);
            this.path = path;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LayerSections sections && written.equals(sections.written);
    }

    @Override
    public int hashCode() {
        return Objects.hash(written);
    }

    @Override
    public String toString() {
        return written.keySet().toString();
    }
}
