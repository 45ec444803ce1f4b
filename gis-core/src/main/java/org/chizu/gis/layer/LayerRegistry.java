package org.chizu.gis.layer;

import org.chizu.platform.Audience;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The one place layers are declared. Declarations are read once at start-up, checked against the
 * database (tables, columns, geometry type and SRID), and handed out as immutable {@link Layer}s;
 * the tile server, the feature API, downloads and the catalog only read them.
 */
@Service
public class LayerRegistry {

    private static final Logger log = LoggerFactory.getLogger(LayerRegistry.class);

    private final Map<String, Layer> layers;

    public LayerRegistry(LayerDeclarations declarations, JdbcTemplate jdbc) {
        List<Layer> declared = declarations.read();
        new LayerSchemaCheck(jdbc).verify(declared);
        this.layers = declared.stream().collect(Collectors.toMap(
                Layer::id, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("layer " + a.id() + " is declared twice");
                }, java.util.LinkedHashMap::new));
        log.info("layer registry: {}", layers.keySet());
    }

    /** Every declared layer, in declaration order, whoever may see it. */
    public Collection<Layer> all() {
        return layers.values();
    }

    /** The layers the audience may see, in declaration order. */
    public List<Layer> visibleTo(Audience audience) {
        return layers.values().stream().filter(layer -> layer.isVisibleTo(audience)).toList();
    }

    /** The layer with this id, whoever may see it. */
    public Optional<Layer> find(String id) {
        return Optional.ofNullable(layers.get(id));
    }

    /**
     * The layer with this id if the audience may see it. A layer the audience may not see is
     * reported exactly like one that does not exist, so its existence is not given away.
     *
     * @throws UnknownLayerException when there is no such layer for this audience
     */
    public Layer require(String id, Audience audience) {
        return find(id).filter(layer -> layer.isVisibleTo(audience))
                .orElseThrow(() -> new UnknownLayerException(id));
    }
}
