package org.chizu.tiles;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.chizu.platform.Audience;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.UnknownLayerException;
import org.springframework.stereotype.Component;

/** Turns the layer part of a tile URL into a {@link Tileset} the caller may see. */
@Component
public class Tilesets {

    /** A composite of more layers than the registry could sensibly style is a mistake or an attack. */
    public static final int MAX_LAYERS = 16;

    private final LayerRegistry registry;

    public Tilesets(LayerRegistry registry) {
        this.registry = registry;
    }

    /**
     * The tileset of comma-separated layer ids, in any order and with repeats.
     *
     * @throws UnknownLayerException for a layer that does not exist or that the audience may not see,
     *                               so a staff-only layer is not given away
     * @throws TileOutOfRangeException for more than {@value #MAX_LAYERS} layers
     */
    public Tileset require(String layerIds, Audience audience) {
        List<String> ids = ids(layerIds);
        if (ids.size() > MAX_LAYERS) {
            throw new TileOutOfRangeException("A composite tile may combine at most " + MAX_LAYERS + " layers.");
        }
        return inDeclarationOrder(ids.stream().map(id -> registry.require(id, audience)).toList());
    }

    /**
     * The same tileset, or empty where {@link #require} would refuse: for a lookup on every request
     * where a refusal is common (a staff-only tileset asked for without credentials) and throwing
     * would cost more than the answer.
     */
    public Optional<Tileset> find(String layerIds, Audience audience) {
        List<String> ids = ids(layerIds);
        List<Layer> visible = ids.stream()
                .flatMap(id -> registry.find(id).filter(layer -> layer.isVisibleTo(audience)).stream()).toList();
        return ids.size() <= MAX_LAYERS && visible.size() == ids.size()
                ? Optional.of(inDeclarationOrder(visible)) : Optional.empty();
    }

    private static List<String> ids(String layerIds) {
        return layerIds.indexOf(',') < 0 ? List.of(layerIds) : Arrays.stream(layerIds.split(",", -1)).distinct().toList();
    }

    private Tileset inDeclarationOrder(List<Layer> layers) {
        return Tileset.of(layers.size() == 1 ? layers
                : layers.stream().sorted(Comparator.comparingInt(registry::position)).toList());
    }
}
