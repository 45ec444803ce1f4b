package org.chizu.gis.layer;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Published after the registry swapped in a new set of declarations, in the thread that reloaded.
 * Readers that derive state from layers (prepared tile SQL, caches, built files) rebuild or drop
 * it for the layers named here; readers that ask the registry on each request need nothing.
 *
 * @param added   the layers declared now and not before
 * @param changed the layers whose declaration changed, as declared now
 * @param removed the layers no longer declared, as they were declared
 */
public record LayersChanged(List<Layer> added, List<Layer> changed, List<Layer> removed) {

    public LayersChanged {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** What differs from {@code before} to {@code after}, both by layer id. */
    static LayersChanged between(Map<String, Layer> before, Map<String, Layer> after) {
        return new LayersChanged(
                after.values().stream().filter(layer -> !before.containsKey(layer.id())).toList(),
                after.values().stream().filter(layer -> before.containsKey(layer.id()) && !before.get(layer.id()).equals(layer)).toList(),
                before.values().stream().filter(layer -> !after.containsKey(layer.id())).toList());
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** The layers declared now that are new or changed: what a reader builds afresh. */
    public Stream<Layer> declared() {
        return Stream.concat(added.stream(), changed.stream());
    }

    /**
     * The ids whose cached data may be stale: changed and removed layers, and added ones too, since
     * a layer of the same id may have been declared before and left files behind.
     */
    public Stream<String> staleIds() {
        return Stream.of(added, changed, removed).flatMap(List::stream).map(Layer::id);
    }

    @Override
    public String toString() {
        return "added " + added.stream().map(Layer::id).toList() + ", changed " + changed.stream().map(Layer::id).toList()
                + ", removed " + removed.stream().map(Layer::id).toList();
    }
}
