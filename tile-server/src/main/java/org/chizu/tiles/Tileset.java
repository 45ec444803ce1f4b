package org.chizu.tiles;

import java.util.List;

import org.chizu.gis.layer.Access;
import org.chizu.gis.layer.Layer;

/**
 * The layers one tile URL serves: a single layer ("roads") or a composite ("roads,facilities")
 * whose tiles hold one MVT layer per registry layer.
 * Invariant: {@code layers} is not empty, has no layer twice and follows the registry's declaration
 * order; {@code name} is their ids joined by commas, so each set of layers has exactly one name.
 */
public record Tileset(String name, List<Layer> layers) {

    public Tileset {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a tileset needs a layer");
        }
    }

    public static Tileset of(List<Layer> layers) {
        return new Tileset(String.join(",", layers.stream().map(Layer::id).toList()), layers);
    }

    public boolean isComposite() {
        return layers.size() > 1;
    }

    public int minzoom() {
        return layers.stream().mapToInt(l -> l.tiles().minzoom()).min().orElseThrow();
    }

    public int maxzoom() {
        return layers.stream().mapToInt(l -> l.tiles().maxzoom()).max().orElseThrow();
    }

    /** Whether anyone may see every layer, so that shared caches (a CDN, a proxy) may keep its tiles. */
    public boolean isPublic() {
        return layers.stream().allMatch(l -> l.access() == Access.PUBLIC);
    }

    /** Whether the tileset with this name includes the layer; names are comma-joined layer ids. */
    public static boolean nameIncludes(String tilesetName, String layerId) {
        int from = 0;
        while (true) {
            int comma = tilesetName.indexOf(',', from);
            int end = comma < 0 ? tilesetName.length() : comma;
            if (tilesetName.regionMatches(from, layerId, 0, layerId.length()) && end - from == layerId.length()) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            from = comma + 1;
        }
    }
}
