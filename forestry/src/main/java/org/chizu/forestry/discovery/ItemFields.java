package org.chizu.forestry.discovery;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields extension's choice of an item's members: dotted paths ({@code properties.pc:count}; a
 * property's name alone, {@code pc:count}, means the same) to include and to exclude. Asked for at
 * all, an item keeps {@link #DEFAULT} and the included paths, less the excluded ones (the
 * extension's set semantics); not asked for, it is whole.
 *
 * @param include empty when the search named no fields
 */
record ItemFields(Optional<List<String>> include, List<String> exclude) {

    /** What keeps an item a valid STAC item. */
    static final List<String> DEFAULT = List.of("type", "stac_version", "stac_extensions", "id", "collection", "geometry", "bbox",
            "links", "assets", "properties.datetime");
    static final ItemFields WHOLE = new ItemFields(Optional.empty(), List.of());
    private static final Set<String> TOP = Set.of("type", "stac_version", "stac_extensions", "id", "collection", "geometry", "bbox",
            "properties", "links", "assets");

    static ItemFields of(List<String> include, List<String> exclude) {
        return new ItemFields(Optional.of(include.stream().map(ItemFields::path).toList()), exclude.stream().map(ItemFields::path).toList());
    }

    /** The item with only the chosen members, in the order it has them. */
    Map<String, Object> apply(Map<String, Object> item) {
        if (include.isEmpty()) {
            return item;
        }
        Set<String> kept = new LinkedHashSet<>(DEFAULT);
        kept.addAll(include.get());
        return select(item, "", Set.copyOf(kept), Set.copyOf(exclude));
    }

    /** As GET's {@code fields} writes it: the included, then the excluded with a '-'. */
    Optional<String> parameter() {
        return include.map(included -> String.join(",", java.util.stream.Stream.concat(included.stream(),
                exclude.stream().map(path -> "-" + path)).toList()));
    }

    /** As POST's {@code fields} writes it. */
    Optional<Map<String, Object>> body() {
        return include.map(included -> Map.of("include", included, "exclude", exclude));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> select(Map<String, Object> object, String prefix, Set<String> kept, Set<String> excluded) {
        Map<String, Object> selected = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            String path = prefix + name;
            if (excluded.contains(path)) {
                return;
            }
            boolean whole = kept.contains(path) || kept.stream().anyMatch(prefixOf -> path.startsWith(prefixOf + "."));
            boolean partly = kept.stream().anyMatch(deeper -> deeper.startsWith(path + "."));
            boolean trimmed = excluded.stream().anyMatch(deeper -> deeper.startsWith(path + "."));
            if ((whole || partly) && value instanceof Map<?, ?> members && (trimmed || !whole)) {
                selected.put(name, select((Map<String, Object>) members, path + ".", kept, excluded));
            } else if (whole) {
                selected.put(name, value);
            }
        });
        return selected;
    }

    /** A property's bare name is taken as under {@code properties}. */
    private static String path(String field) {
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        return TOP.contains(top) ? field : "properties." + field;
    }
}
